import { Injectable } from '@nestjs/common';
import { Deadline, InfoReceived, NeedsInfo, OFFER_REJECTION_REASONS, OfferAccepted, OfferRejected, Progressed, Resolved } from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import type { EntityManager } from 'typeorm';
import type { Payload } from '../common/event-payload';

/** The application a report is about. */
export interface ReportedApplication {
  id: string;
  workOrderId: string;
}

export type ProgressStep = 'application-accepted' | 'materials-complete' | 'under-review';
export type NotarizationOutcome = 'certificate-issued' | 'refused';
type RejectionReason = (typeof OFFER_REJECTION_REASONS)[number];

function base(workOrderId: string, handlerCaseId: string, actorId: string, at: Date): { workOrderId: string; handler: 'notarization'; handlerCaseId: string; at: string; actorId: string } {
  return { workOrderId, handler: 'notarization', handlerCaseId, at: at.toISOString(), actorId: actorId.slice(0, 64) };
}

/**
 * Reports every step back to the work-order service (topic legal.handler.report), always through the
 * outbox in the caller's transaction, keyed by the work order so its reports stay in order.
 */
@Injectable()
export class HandlerReportsService {
  constructor(private readonly outbox: Outbox) {}

  async offerAccepted(manager: EntityManager, a: ReportedApplication, offerId: string, actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof OfferAccepted> = { ...base(a.workOrderId, a.id, actorId, at), offerId };
    await this.outbox.publish(manager, OfferAccepted, data, { subject: a.workOrderId });
  }

  async offerRejected(manager: EntityManager, workOrderId: string, offerId: string, reasonCode: RejectionReason, reason: string, actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof OfferRejected> = { ...base(workOrderId, 'none', actorId, at), offerId, reasonCode, reason: reason.slice(0, 1000) };
    await this.outbox.publish(manager, OfferRejected, data, { subject: workOrderId });
  }

  async progressed(manager: EntityManager, a: ReportedApplication, step: ProgressStep, detail: string, deadlines: Deadline[], actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof Progressed> = { ...base(a.workOrderId, a.id, actorId, at), step, detail: detail.slice(0, 2000), deadlines };
    await this.outbox.publish(manager, Progressed, data, { subject: a.workOrderId });
  }

  /** The one-time notice: every missing item at once; the certificate clock pauses until they arrive. */
  async needsInfo(manager: EntityManager, a: ReportedApplication, items: { code: string; label: string }[], notice: string, actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof NeedsInfo> = { ...base(a.workOrderId, a.id, actorId, at), missingItems: items, notice: notice.slice(0, 4000), pausesClock: true };
    await this.outbox.publish(manager, NeedsInfo, data, { subject: a.workOrderId });
  }

  async infoReceived(manager: EntityManager, a: ReportedApplication, receivedItems: string[], actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof InfoReceived> = { ...base(a.workOrderId, a.id, actorId, at), receivedItems };
    await this.outbox.publish(manager, InfoReceived, data, { subject: a.workOrderId });
  }

  async resolved(manager: EntityManager, a: ReportedApplication, outcome: NotarizationOutcome, summary: string, actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof Resolved> = { ...base(a.workOrderId, a.id, actorId, at), outcome, summary: summary.slice(0, 2000) };
    await this.outbox.publish(manager, Resolved, data, { subject: a.workOrderId });
  }
}
