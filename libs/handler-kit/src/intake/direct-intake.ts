import { IntakeSubmitted, workOrderIdForIntake } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import type { Outbox } from '@legal/messaging';
import type { EntityManager } from 'typeorm';

type IntakeData = EventData<typeof IntakeSubmitted>;

/**
 * A matter a handler received directly from a partner (a court's notice or entrustment), not through a
 * platform: the handler's own record id becomes the intake id, so the work order created for it, and the
 * offer that comes back, are found again by `workOrderIdForIntake(recordId)`.
 */
export interface DirectIntake extends Omit<IntakeData, 'intakeId' | 'platform' | 'submittedBy' | 'language'> {
  /** Id of the handler's local record (notice, entrustment): the intake id. */
  recordId: string;
  /** The partner client that sent it, as its access token names it; never taken from a request body. */
  partnerClientId: string;
  language?: string;
}

/**
 * Publishes the intake for work-order (origin platform `partner`) through the outbox, in the caller's
 * transaction. Returns the id of the work order it will create.
 */
export async function publishDirectIntake(
  outbox: Outbox,
  manager: EntityManager,
  intake: DirectIntake,
): Promise<{ workOrderId: string }> {
  const { recordId, partnerClientId, language, ...fields } = intake;
  const data: IntakeData = {
    ...fields,
    intakeId: recordId,
    platform: 'partner',
    language: language ?? 'zh',
    submittedBy: { userId: partnerClientId.slice(0, 64), role: 'partner' },
  };
  await outbox.publish(manager, IntakeSubmitted, data, { subject: recordId });
  return { workOrderId: workOrderIdForIntake(recordId) };
}

/** True when the offer is for the work order created by the direct intake of this local record. */
export function isOfferForDirectIntake(offer: { workOrderId: string }, recordId: string): boolean {
  return offer.workOrderId === workOrderIdForIntake(recordId);
}
