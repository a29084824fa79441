import { Inject, Injectable } from '@nestjs/common';
import type { Deadline, EventData } from '@legal/contracts';
import {
  InfoReceived,
  NeedsInfo,
  OFFER_REJECTION_REASONS,
  OfferAccepted,
  OfferRejected,
  Progressed,
  Resolved,
} from '@legal/contracts';
import { Outbox } from '@legal/messaging';
import type { EntityManager } from 'typeorm';
import { HANDLER_NAME, HandlerName } from '../handler-kit.options';

export type OfferRejectionCode = (typeof OFFER_REJECTION_REASONS)[number];

/** What a report is about: the handler's matter (case, application ...) and its work order. */
export interface ReportSubject {
  /** Null for a matter that did not come from a work order (nothing to report to). */
  workOrderId: string | null;
  /** The matter's id; reported as `handlerCaseId` unless that is given. */
  id: string;
  handlerCaseId?: string;
  /** The event that caused this step (defaults to the consumed event, inside a consumer). */
  causationId?: string | null;
}

interface Step {
  about: ReportSubject;
  actorId: string;
  at: Date;
}

export interface OfferAcceptedReport extends Step {
  offerId: string;
}

export interface OfferRejectedReport {
  workOrderId: string;
  offerId: string;
  reasonCode: OfferRejectionCode;
  reason: string;
  actorId: string;
  at: Date;
  causationId?: string | null;
}

/** Outcome details as codes (aid decision, exempt category, mediation outcome, judicial confirmation), for oversight. */
export type ReportDetails = NonNullable<EventData<typeof Progressed>['details']>;

export interface ProgressedReport<S extends string = string> extends Step {
  step: S;
  detail: string;
  deadlines: Deadline[];
  details?: ReportDetails;
}

export interface NeedsInfoReport extends Step {
  items: { code: string; label: string }[];
  notice: string;
}

export interface InfoReceivedReport extends Step {
  receivedItems: string[];
}

export interface ResolvedReport<O extends string = string> extends Step {
  outcome: O;
  summary: string;
  details?: ReportDetails;
}

/**
 * Reports every step of a handler's matter back to the work-order service (topic
 * legal.handler.report), always through the outbox in the caller's transaction, keyed by the work
 * order so its reports stay in order. `S` and `O` narrow the steps and outcomes a service reports.
 */
@Injectable()
export class HandlerReporter<S extends string = string, O extends string = string> {
  constructor(
    private readonly outbox: Outbox,
    @Inject(HANDLER_NAME) private readonly handler: HandlerName,
  ) {}

  async offerAccepted(manager: EntityManager, r: OfferAcceptedReport): Promise<void> {
    const base = this.base(r);
    if (!base) return;
    const data: EventData<typeof OfferAccepted> = { ...base, offerId: r.offerId };
    await this.outbox.publish(manager, OfferAccepted, data, this.meta(base.workOrderId, r.about.causationId));
  }

  async offerRejected(manager: EntityManager, r: OfferRejectedReport): Promise<void> {
    const data: EventData<typeof OfferRejected> = {
      ...this.fields(r.workOrderId, 'none', r.actorId, r.at),
      offerId: r.offerId,
      reasonCode: r.reasonCode,
      reason: r.reason.slice(0, 1000),
    };
    await this.outbox.publish(manager, OfferRejected, data, this.meta(r.workOrderId, r.causationId));
  }

  async progressed(manager: EntityManager, r: ProgressedReport<S>): Promise<void> {
    const base = this.base(r);
    if (!base) return;
    const data: EventData<typeof Progressed> = {
      ...base,
      step: r.step,
      detail: r.detail.slice(0, 2000),
      deadlines: r.deadlines,
      ...(r.details ? { details: r.details } : {}),
    };
    await this.outbox.publish(manager, Progressed, data, this.meta(base.workOrderId, r.about.causationId));
  }

  /** The one-time notice: every missing item at once; the handler's clock pauses until they arrive. */
  async needsInfo(manager: EntityManager, r: NeedsInfoReport): Promise<void> {
    const base = this.base(r);
    if (!base) return;
    const data: EventData<typeof NeedsInfo> = {
      ...base,
      missingItems: r.items,
      notice: r.notice.slice(0, 4000),
      pausesClock: true,
    };
    await this.outbox.publish(manager, NeedsInfo, data, this.meta(base.workOrderId, r.about.causationId));
  }

  async infoReceived(manager: EntityManager, r: InfoReceivedReport): Promise<void> {
    const base = this.base(r);
    if (!base) return;
    const data: EventData<typeof InfoReceived> = { ...base, receivedItems: r.receivedItems };
    await this.outbox.publish(manager, InfoReceived, data, this.meta(base.workOrderId, r.about.causationId));
  }

  async resolved(manager: EntityManager, r: ResolvedReport<O>): Promise<void> {
    const base = this.base(r);
    if (!base) return;
    const data: EventData<typeof Resolved> = {
      ...base,
      outcome: r.outcome,
      summary: r.summary.slice(0, 2000),
      ...(r.details ? { details: r.details } : {}),
    };
    await this.outbox.publish(manager, Resolved, data, this.meta(base.workOrderId, r.about.causationId));
  }

  private base(r: Step): ReportBase | undefined {
    if (!r.about.workOrderId) return undefined;
    return this.fields(r.about.workOrderId, r.about.handlerCaseId ?? r.about.id, r.actorId, r.at);
  }

  private fields(workOrderId: string, handlerCaseId: string, actorId: string, at: Date): ReportBase {
    return { workOrderId, handler: this.handler, handlerCaseId, at: at.toISOString(), actorId: actorId.slice(0, 64) };
  }

  private meta(workOrderId: string, causationId?: string | null): { subject: string; causationId?: string } {
    return { subject: workOrderId, ...(causationId ? { causationId } : {}) };
  }
}

interface ReportBase {
  workOrderId: string;
  handler: HandlerName;
  handlerCaseId: string;
  at: string;
  actorId: string;
}
