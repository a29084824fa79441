import { Injectable } from '@nestjs/common';
import { Deadline, InfoReceived, NeedsInfo, OfferAccepted, OfferRejected, OFFER_REJECTION_REASONS, Progressed, Resolved } from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import type { EntityManager } from 'typeorm';

export type OfferRejectionCode = (typeof OFFER_REJECTION_REASONS)[number];

/** What a report needs to know about the application it is about. */
export interface ReportSubject {
  workOrderId: string | null;
  caseNumber: string;
  /** The event that caused this step (an offer or notice event), when there is one. */
  causationId?: string | null;
}

const HANDLER = 'legal-aid' as const;

/**
 * Reports every workflow step to the work-order service (topic legal.handler.report) through the
 * outbox, in the caller's transaction. Applications without a work order (notified defence) are
 * tracked here only: there is no work order to report to.
 */
@Injectable()
export class HandlerReportsService {
  constructor(private readonly outbox: Outbox) {}

  async accepted(manager: EntityManager, subject: ReportSubject, offerId: string, actorId: string, at: Date): Promise<void> {
    if (!subject.workOrderId) return;
    await this.outbox.publish(
      manager,
      OfferAccepted,
      { workOrderId: subject.workOrderId, handler: HANDLER, handlerCaseId: subject.caseNumber, at: at.toISOString(), actorId: clip(actorId), offerId },
      this.meta(subject),
    );
  }

  async rejected(manager: EntityManager, workOrderId: string, offerId: string, reasonCode: OfferRejectionCode, reason: string, actorId: string, at: Date, causationId?: string | null): Promise<void> {
    await this.outbox.publish(
      manager,
      OfferRejected,
      { workOrderId, handler: HANDLER, handlerCaseId: 'none', at: at.toISOString(), actorId: clip(actorId), offerId, reasonCode, reason: reason.slice(0, 1000) },
      this.meta({ workOrderId, caseNumber: 'none', causationId }),
    );
  }

  async progressed(manager: EntityManager, subject: ReportSubject, step: string, detail: string, deadlines: Deadline[], actorId: string, at: Date): Promise<void> {
    if (!subject.workOrderId) return;
    await this.outbox.publish(
      manager,
      Progressed,
      { workOrderId: subject.workOrderId, handler: HANDLER, handlerCaseId: subject.caseNumber, at: at.toISOString(), actorId: clip(actorId), step, detail: detail.slice(0, 2000), deadlines },
      this.meta(subject),
    );
  }

  async needsInfo(manager: EntityManager, subject: ReportSubject, items: { code: string; label: string }[], notice: string, actorId: string, at: Date): Promise<void> {
    if (!subject.workOrderId) return;
    await this.outbox.publish(
      manager,
      NeedsInfo,
      { workOrderId: subject.workOrderId, handler: HANDLER, handlerCaseId: subject.caseNumber, at: at.toISOString(), actorId: clip(actorId), missingItems: items, notice, pausesClock: true },
      this.meta(subject),
    );
  }

  async infoReceived(manager: EntityManager, subject: ReportSubject, receivedItems: string[], actorId: string, at: Date): Promise<void> {
    if (!subject.workOrderId) return;
    await this.outbox.publish(
      manager,
      InfoReceived,
      { workOrderId: subject.workOrderId, handler: HANDLER, handlerCaseId: subject.caseNumber, at: at.toISOString(), actorId: clip(actorId), receivedItems },
      this.meta(subject),
    );
  }

  async resolved(manager: EntityManager, subject: ReportSubject, outcome: string, summary: string, actorId: string, at: Date): Promise<void> {
    if (!subject.workOrderId) return;
    await this.outbox.publish(
      manager,
      Resolved,
      { workOrderId: subject.workOrderId, handler: HANDLER, handlerCaseId: subject.caseNumber, at: at.toISOString(), actorId: clip(actorId), outcome, summary: summary.slice(0, 2000) },
      this.meta(subject),
    );
  }

  /** Keyed by work order (ordering per work order); correlation id from the request or consumed event (the outbox's default). */
  private meta(subject: ReportSubject): { subject: string; causationId?: string } {
    return { subject: subject.workOrderId ?? subject.caseNumber, ...(subject.causationId ? { causationId: subject.causationId } : {}) };
  }
}

function clip(actorId: string): string {
  return actorId.slice(0, 64);
}
