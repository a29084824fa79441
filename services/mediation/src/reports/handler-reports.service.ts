import { Injectable } from '@nestjs/common';
import type { Payload } from '../common/event-payload';
import { Deadline, OFFER_REJECTION_REASONS, OfferAccepted, OfferRejected, Progressed, Resolved } from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import type { EntityManager } from 'typeorm';

/** The case a report is about. */
export interface ReportedCase {
  id: string;
  workOrderId: string;
}

export type ProgressStep =
  | 'committee-assigned'
  | 'session-scheduled'
  | 'session-held'
  | 'term-extended'
  | 'judicial-confirmation-requested'
  | 'judicial-confirmation-decided';

export type MediationOutcome = 'agreement-reached' | 'mediation-failed' | 'withdrawn';

type RejectionReason = (typeof OFFER_REJECTION_REASONS)[number];

function actor(actorId: string): { actorId: string } {
  return { actorId: actorId.slice(0, 64) };
}

/**
 * Reports every step back to the work-order service (topic legal.handler.report), always through the
 * outbox in the caller's transaction, keyed by the work order so its reports stay in order.
 */
@Injectable()
export class HandlerReportsService {
  constructor(private readonly outbox: Outbox) {}

  async offerAccepted(manager: EntityManager, c: ReportedCase, offerId: string, actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof OfferAccepted> = { ...this.base(c.workOrderId, c.id, at), ...actor(actorId), offerId };
    await this.outbox.publish(manager, OfferAccepted, data, { subject: c.workOrderId });
  }

  async offerRejected(manager: EntityManager, workOrderId: string, offerId: string, reasonCode: RejectionReason, reason: string, actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof OfferRejected> = { ...this.base(workOrderId, 'none', at), ...actor(actorId), offerId, reasonCode, reason: reason.slice(0, 1000) };
    await this.outbox.publish(manager, OfferRejected, data, { subject: workOrderId });
  }

  async progressed(manager: EntityManager, c: ReportedCase, step: ProgressStep, detail: string, deadlines: Deadline[], actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof Progressed> = { ...this.base(c.workOrderId, c.id, at), ...actor(actorId), step, detail: detail.slice(0, 2000), deadlines };
    await this.outbox.publish(manager, Progressed, data, { subject: c.workOrderId });
  }

  async resolved(manager: EntityManager, c: ReportedCase, outcome: MediationOutcome, summary: string, actorId: string, at: Date): Promise<void> {
    const data: Payload<typeof Resolved> = { ...this.base(c.workOrderId, c.id, at), ...actor(actorId), outcome, summary: summary.slice(0, 2000) };
    await this.outbox.publish(manager, Resolved, data, { subject: c.workOrderId });
  }

  private base(workOrderId: string, handlerCaseId: string, at: Date): { workOrderId: string; handler: 'mediation'; handlerCaseId: string; at: string } {
    return { workOrderId, handler: 'mediation', handlerCaseId, at: at.toISOString() };
  }
}
