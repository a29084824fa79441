import { Injectable, Logger } from '@nestjs/common';
import type {
  CloudEvent,
  EventData,
  InfoReceived,
  NeedsInfo,
  OfferAccepted,
  OfferRejected,
  Progressed,
  Resolved,
} from '@legal/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor, Trace } from '../common/actor';
import { selectEntities } from '../common/entity-sql';
import { OfferEntity } from '../offers/entities/offer.entity';
import { OfferService } from '../offers/offer.service';
import { LoadCounterService } from '../routing/load-counter.service';
import { DeadlineService } from '../sla/deadline.service';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { canTransition } from '../work-orders/work-order-lifecycle';
import { lockWorkOrder } from '../work-orders/work-order-locks';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';

type Report = EventData<
  | typeof OfferAccepted
  | typeof OfferRejected
  | typeof NeedsInfo
  | typeof InfoReceived
  | typeof Progressed
  | typeof Resolved
>;

/** A report as consumed from Kafka, or entered by staff of an agency through the desk API (with their identity as actor). */
export type Incoming<T> = Pick<CloudEvent<T>, 'id' | 'type' | 'correlationid' | 'data'> & { actor?: Actor };

/**
 * What handler services report back: offer accepted or rejected, information needed or received,
 * progress, resolution. Each report moves the work order along its lifecycle and its clocks; reports
 * that no longer apply (an answer to a withdrawn offer, a report from a handler that does not hold the
 * work order) are logged and ignored rather than retried.
 */
@Injectable()
export class HandlerReportService {
  private readonly logger = new Logger(HandlerReportService.name);

  constructor(
    private readonly recorder: WorkOrderRecorder,
    private readonly offers: OfferService,
    private readonly deadlines: DeadlineService,
    private readonly loads: LoadCounterService,
  ) {}

  async offerAccepted(event: Incoming<EventData<typeof OfferAccepted>>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const context = await this.context(manager, event, { offerId: d.offerId });
    if (!context) return;
    const { wo, offer, trace } = context;
    if (!offer) return;
    const at = new Date(d.at);
    offer.status = 'accepted';
    offer.answeredAt = at;
    await manager.update(OfferEntity, { id: offer.id }, { status: offer.status, answeredAt: at });
    wo.handlerCaseId = d.handlerCaseId;
    await this.deadlines.startOnAcceptance(manager, wo, at);
    await this.recorder.record(
      manager,
      wo,
      {
        action: 'offer-accepted',
        actor: this.actor(event),
        toStatus: 'accepted',
        at,
        note: `${wo.organisationName ?? offer.organisationId} accepted; handler case ${d.handlerCaseId}`,
        data: { offerId: offer.id, handlerCaseId: d.handlerCaseId },
      },
      trace,
    );
  }

  async offerRejected(event: Incoming<EventData<typeof OfferRejected>>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const context = await this.context(manager, event, { offerId: d.offerId });
    if (!context?.offer) return;
    const { wo, offer, trace } = context;
    const at = new Date(d.at);
    offer.status = 'rejected';
    offer.answeredAt = at;
    offer.reasonCode = d.reasonCode;
    offer.reason = d.reason;
    const answer = { status: offer.status, answeredAt: at, reasonCode: offer.reasonCode, reason: offer.reason };
    await manager.update(OfferEntity, { id: offer.id }, answer);
    wo.offerFailures += 1;
    await this.recorder.record(
      manager,
      wo,
      {
        action: 'offer-rejected',
        actor: this.actor(event),
        at,
        note: `${wo.organisationName ?? offer.organisationId} rejected (${d.reasonCode}): ${d.reason}`,
        data: { offerId: offer.id, reasonCode: d.reasonCode },
      },
      trace,
    );
    await this.offers.routeAndOffer(manager, wo, { trigger: 'offer-rejected', trace });
  }

  async needsInfo(event: Incoming<EventData<typeof NeedsInfo>>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const context = await this.context(manager, event);
    if (!context) return;
    const { wo, trace } = context;
    if (!this.canMove(wo, 'waiting-applicant'))
      return this.ignore(wo, event, `cannot wait for the applicant while ${wo.status}`);
    const at = new Date(d.at);
    const paused = d.pausesClock ? await this.deadlines.pause(manager, wo, at) : [];
    await this.move(
      manager,
      wo,
      'waiting-applicant',
      {
        action: 'needs-info',
        actor: this.actor(event),
        at,
        note: `${d.notice}${paused.length > 0 ? ` [${paused.join(', ')}]` : ''}`,
        data: { missingItems: d.missingItems.map((i) => i.code), pausesClock: d.pausesClock },
      },
      trace,
    );
  }

  async infoReceived(event: Incoming<EventData<typeof InfoReceived>>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const context = await this.context(manager, event);
    if (!context) return;
    const { wo, trace } = context;
    if (!this.canMove(wo, 'in-progress')) return this.ignore(wo, event, `cannot resume work while ${wo.status}`);
    const at = new Date(d.at);
    const resumed = await this.deadlines.resume(manager, wo, at);
    await this.move(
      manager,
      wo,
      'in-progress',
      {
        action: 'info-received',
        actor: this.actor(event),
        at,
        note: `received ${d.receivedItems.join(', ') || 'materials'}${resumed.length > 0 ? ` [${resumed.join('; ')}]` : ''}`,
        data: { receivedItems: d.receivedItems },
      },
      trace,
    );
  }

  async progressed(event: Incoming<EventData<typeof Progressed>>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const context = await this.context(manager, event);
    if (!context) return;
    const { wo, trace } = context;
    if (!['accepted', 'in-progress', 'waiting-applicant'].includes(wo.status))
      return this.ignore(wo, event, `no progress expected while ${wo.status}`);
    const at = new Date(d.at);
    const changes = await this.deadlines.onStep(manager, wo, d.step, at, d.deadlines);
    const toStatus = wo.status === 'accepted' ? 'in-progress' : undefined;
    await this.recorder.record(
      manager,
      wo,
      {
        action: `progress:${d.step}`.slice(0, 64),
        actor: this.actor(event),
        toStatus,
        at,
        note: `${d.detail}${changes.length > 0 ? ` [${changes.join(', ')}]` : ''}`,
        data: { step: d.step },
      },
      trace,
    );
  }

  async resolved(event: Incoming<EventData<typeof Resolved>>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const context = await this.context(manager, event);
    if (!context) return;
    const { wo, trace } = context;
    if (!canTransition(wo.status, 'resolved'))
      return this.ignore(wo, event, `cannot resolve a ${wo.status} work order`);
    const at = new Date(d.at);
    await this.deadlines.resolveAll(manager, wo, at);
    await this.recorder.record(
      manager,
      wo,
      {
        action: 'resolved',
        actor: this.actor(event),
        toStatus: 'resolved',
        at,
        note: `${d.outcome}: ${d.summary}`,
        data: { outcome: d.outcome },
      },
      trace,
    );
    await this.loads.refresh(manager, wo.organisationId, wo.staffId);
  }

  private canMove(wo: WorkOrderEntity, to: WorkOrderEntity['status']): boolean {
    return wo.status === to || canTransition(wo.status, to);
  }

  /** Moves to `to`, or records the report without a move when already there (checked with canMove first). */
  private async move(
    manager: EntityManager,
    wo: WorkOrderEntity,
    to: WorkOrderEntity['status'],
    change: Parameters<WorkOrderRecorder['record']>[2],
    trace: Trace,
  ): Promise<void> {
    await this.recorder.record(manager, wo, wo.status === to ? change : { ...change, toStatus: to }, trace);
  }

  /** Locks the work order and checks the report comes from the handler holding it (and, for answers, that the offer is still open). */
  private async context(
    manager: EntityManager,
    event: Incoming<Report>,
    answer?: { offerId: string },
  ): Promise<{ wo: WorkOrderEntity; offer?: OfferEntity; trace: Trace } | undefined> {
    const trace: Trace = { causationId: event.id, correlationId: event.correlationid };
    const wo = await lockWorkOrder(manager, event.data.workOrderId);
    if (!wo) {
      this.logger.warn({
        msg: 'report for an unknown work order ignored',
        type: event.type,
        workOrderId: event.data.workOrderId,
      });
      return undefined;
    }
    if (answer) {
      const [offer] = await selectEntities(manager, OfferEntity, 'WHERE t.id = $1 AND t.work_order_id = $2', [
        answer.offerId,
        wo.id,
      ]);
      if (!offer || offer.status !== 'pending' || offer.handler !== event.data.handler) {
        this.ignore(wo, event, offer ? `offer ${offer.id} is ${offer.status}` : `offer ${answer.offerId} unknown`);
        return undefined;
      }
      return { wo, offer, trace };
    }
    if (wo.handler !== event.data.handler) {
      this.ignore(wo, event, `the work order is held by ${wo.handler ?? 'nobody'}, not ${event.data.handler}`);
      return undefined;
    }
    // Same handler service, another case: the work order moved (reassigned or referred) after that case
    // accepted it, and the old case may still be open there. Only the current case speaks for it.
    if (wo.handlerCaseId !== null && event.data.handlerCaseId !== wo.handlerCaseId) {
      this.ignore(wo, event, `the work order is handled by case ${wo.handlerCaseId}, not ${event.data.handlerCaseId}`);
      return undefined;
    }
    return { wo, trace };
  }

  private ignore(wo: WorkOrderEntity, event: { type: string }, why: string): void {
    this.logger.warn({ msg: 'handler report ignored', type: event.type, caseCode: wo.caseCode, why });
  }

  private actor(event: Incoming<Report>): Actor {
    return event.actor ?? { role: event.data.handler, id: event.data.actorId ?? event.data.handlerCaseId };
  }
}
