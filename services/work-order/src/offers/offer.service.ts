import { Injectable } from '@nestjs/common';
import { Handler, OfferWithdrawn, WorkOrderDispatched } from '@legal/contracts';
import type { FieldError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { PiiProtector } from '@legal/privacy';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { Actor, SYSTEM_ACTOR, Trace } from '../common/actor';
import { WorkOrderEnv } from '../config/work-order.env';
import { RoutingDecisionEntity, RoutingTrigger } from '../routing/entities/routing-decision.entity';
import { OrganisationEntity } from '../organisations/entities/organisation.entity';
import { StaffEntity } from '../organisations/entities/staff.entity';
import { LoadCounterService } from '../routing/load-counter.service';
import { RoutingService } from '../routing/routing.service';
import { unsealApplicant } from '../work-orders/applicant-sealing';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import { OfferEntity } from './entities/offer.entity';
import { isUrgentMatter, offerWindow } from './offer-window';
import { ROUND_THE_CLOCK } from '../organisations/duty-schedule';
import { insertable } from '../common/sql';
import { insertEntityRow, selectEntities } from '../common/entity-sql';
import type { DutySchedule } from '../organisations/duty-schedule';

/** Where an offer goes. */
export interface OfferTarget {
  organisationId: string;
  organisationName: string;
  regionCode: string;
  handler: Handler;
  staffId: string | null;
  /** The organisation's duty hours when the caller already has them (routing did); read from the database otherwise. */
  dutyHours?: DutySchedule;
}

export interface RouteRequest {
  trigger: RoutingTrigger;
  actor?: Actor;
  trace?: Trace;
  note?: string;
  /** Extra organisations/staff to keep away from (e.g. a supervisor's reassignment away from the current one). */
  excludeOrganisations?: Record<string, string>;
  excludeStaff?: Record<string, string>;
}

/** Who held the work order before this offer (their load counters are refreshed). */
interface PreviousHolder {
  organisationId: string | null;
  staffId: string | null;
}

/** An offer about to be made: the decision that chose the target, the request behind it, the previous holder. */
interface Dispatch {
  decision: RoutingDecisionEntity;
  target: OfferTarget;
  request: RouteRequest;
  previous: PreviousHolder;
  /** Offers the work order had before this one, when the caller already counted them. */
  earlierOffers?: number;
}

/** Why the work order goes to the supervisor queue, who sends it there, and details for the timeline. */
interface SupervisorQueueMove {
  why: string;
  actor: Actor;
  trace: Trace;
  data?: Record<string, unknown>;
}

/**
 * Offer and accept: routes a work order and offers it to the winner (WorkOrderDispatched with an
 * expiry). Organisations that rejected or let an offer lapse are excluded from the next decision;
 * after MAX_OFFER_ATTEMPTS failures, or with no candidate left, the work order goes to the supervisor queue.
 */
@Injectable()
export class OfferService {
  constructor(
    private readonly routing: RoutingService,
    private readonly recorder: WorkOrderRecorder,
    private readonly outbox: Outbox,
    private readonly pii: PiiProtector,
    private readonly loads: LoadCounterService,
    private readonly env: WorkOrderEnv,
  ) {}

  async routeAndOffer(
    manager: EntityManager,
    wo: WorkOrderEntity,
    request: RouteRequest,
  ): Promise<OfferEntity | undefined> {
    const actor = request.actor ?? SYSTEM_ACTOR;
    const trace = request.trace ?? {};
    const previous = { organisationId: wo.organisationId, staffId: wo.staffId };
    if (wo.offerFailures >= this.env.MAX_OFFER_ATTEMPTS) {
      const why = `${wo.offerFailures} offers rejected or unanswered (limit ${this.env.MAX_OFFER_ATTEMPTS})`;
      await this.toSupervisorQueue(manager, wo, { why, actor, trace });
      await this.loads.refresh(manager, previous.organisationId, previous.staffId);
      return undefined;
    }
    const exclusions = await this.exclusions(manager, wo, request.trigger);
    const { decision, winner, winnerDutyHours } = await this.routing.decide(manager, wo, {
      trigger: request.trigger,
      excludedOrganisations: { ...exclusions.organisations, ...request.excludeOrganisations },
      excludedStaff: { ...exclusions.staff, ...request.excludeStaff },
    });
    if (!winner) {
      const roster = decision.record.onDutyRoster;
      const why = roster
        ? `urgent and nobody on duty now to take it (${roster.offDuty.length} organisation(s) off duty; routing decision ${decision.id})`
        : `no organisation left to offer to (routing decision ${decision.id})`;
      const data = roster
        ? { decisionId: decision.id, onDutyRoster: { checkedAt: roster.checkedAt, fallback: roster.fallback } }
        : { decisionId: decision.id };
      await this.toSupervisorQueue(manager, wo, { why, actor, trace, data });
      await this.loads.refresh(manager, previous.organisationId, previous.staffId);
      return undefined;
    }
    const target: OfferTarget = {
      organisationId: winner.organisationId,
      organisationName: winner.organisationName,
      regionCode: winner.regionCode,
      handler: winner.handler,
      staffId: winner.staff?.staffId ?? null,
      dutyHours: winnerDutyHours,
    };
    const earlierOffers = exclusions.offers;
    return this.dispatch(manager, wo, { decision, target, request, previous, earlierOffers });
  }

  /**
   * Whether a named organisation (and staff member) may be given the work order: it exists and is
   * active, handles the service type, is not the subject of the complaint, and the staff member is
   * one of its active members. Returns the target, or the problems by field.
   */
  async checkTarget(
    manager: EntityManager,
    wo: WorkOrderEntity,
    organisationId: string,
    staffId?: string | null,
  ): Promise<{ target: OfferTarget } | { problems: FieldError[] }> {
    const org = await manager.findOne(OrganisationEntity, { where: { id: organisationId } });
    const problems: FieldError[] = [];
    if (!org || !org.active)
      problems.push({
        field: 'organisationId',
        messages: [`organisation ${organisationId} does not exist or is inactive`],
        codes: ['exists'],
      });
    else if (!org.serviceTypes.includes(wo.serviceType))
      problems.push({
        field: 'organisationId',
        messages: [`${org.name} does not handle ${wo.serviceType}`],
        codes: ['handlesServiceType'],
      });
    else if (wo.complaintAgainstOrganisationId === org.id)
      problems.push({
        field: 'organisationId',
        messages: ['a complaint cannot go to the organisation it is about'],
        codes: ['independent'],
      });
    if (staffId && org) {
      const staff = await manager.findOne(StaffEntity, {
        where: { id: staffId, organisationId: org.id, active: true },
      });
      if (!staff)
        problems.push({
          field: 'staffId',
          messages: [`staff ${staffId} is not an active member of ${organisationId}`],
          codes: ['memberOf'],
        });
    }
    if (problems.length > 0 || !org) return { problems };
    return {
      target: {
        organisationId: org.id,
        organisationName: org.name,
        regionCode: org.regionCode,
        handler: org.handler,
        staffId: staffId ?? null,
      },
    };
  }

  /** A supervisor's choice: offers the work order to the named organisation (and staff member), recorded as a decision of its own. */
  async offerTo(
    manager: EntityManager,
    wo: WorkOrderEntity,
    target: OfferTarget,
    request: RouteRequest & { reason: string },
  ): Promise<OfferEntity> {
    const previous = { organisationId: wo.organisationId, staffId: wo.staffId };
    const actor = request.actor ?? SYSTEM_ACTOR;
    const decision = manager.create(RoutingDecisionEntity, {
      id: randomUUID(),
      workOrderId: wo.id,
      trigger: request.trigger,
      decidedAt: new Date(),
      outcome: 'assigned',
      winnerOrganisationId: target.organisationId,
      winnerStaffId: target.staffId,
      explanation:
        `Assigned by ${actor.role} ${actor.id ?? ''} to ${target.organisationName} (${target.organisationId})${target.staffId ? `, staff ${target.staffId}` : ''}: ${request.reason}`.replace(
          /\s+/g,
          ' ',
        ),
      record: {
        request: {
          serviceType: wo.serviceType,
          regionCode: wo.regionCode,
          language: wo.language,
          urgency: wo.urgency,
          vulnerableGroup: wo.vulnerableGroup,
          legalDeadlineAt: wo.legalDeadlineAt?.toISOString() ?? null,
          topicTags: wo.topicTags,
          arrivedAt: wo.receivedAt.toISOString(),
          decidedAt: new Date().toISOString(),
          complaintAgainstOrganisationId: wo.complaintAgainstOrganisationId,
          excludedOrganisations: {},
          excludedStaff: {},
        },
        rules: [],
        rulesUsed: [],
        priority: wo.priority,
        priorityReason: 'unchanged (manual assignment)',
        candidates: [],
        excluded: [],
        jurisdictionChain: [],
      },
    });
    await manager.insert(RoutingDecisionEntity, insertable(decision));
    const withNote: RouteRequest = { ...request, note: request.note ?? request.reason };
    return this.dispatch(manager, wo, { decision, target, request: withNote, previous });
  }

  private async dispatch(manager: EntityManager, wo: WorkOrderEntity, offerToMake: Dispatch): Promise<OfferEntity> {
    const { decision, target, request, previous } = offerToMake;
    const actor = request.actor ?? SYSTEM_ACTOR;
    const trace = request.trace ?? {};
    const now = new Date();
    const earlier = offerToMake.earlierOffers ?? (await manager.count(OfferEntity, { where: { workOrderId: wo.id } }));
    const attempt = earlier + 1;
    const dutyHours =
      target.dutyHours ??
      (await manager.findOne(OrganisationEntity, { where: { id: target.organisationId } }))?.dutyHours;
    const window = offerWindow({
      offeredAt: now,
      windowSeconds: this.env.OFFER_TIMEOUT_SECONDS,
      dutyHours: dutyHours ?? ROUND_THE_CLOCK,
      urgent: isUrgentMatter(wo),
    });
    const offer = manager.create(OfferEntity, {
      id: randomUUID(),
      workOrderId: wo.id,
      decisionId: decision.id,
      organisationId: target.organisationId,
      staffId: target.staffId,
      handler: target.handler,
      attempt,
      status: 'pending',
      offeredAt: now,
      expiresAt: window.expiresAt,
      answeredAt: null,
      reasonCode: null,
      reason: null,
    });
    await insertEntityRow(manager, OfferEntity, offer);
    wo.organisationId = target.organisationId;
    wo.organisationName = target.organisationName;
    wo.handler = target.handler;
    wo.staffId = offer.staffId;
    wo.handlerCaseId = null;
    await this.recorder.record(
      manager,
      wo,
      {
        action: 'offered',
        actor,
        toStatus: 'offered',
        note: request.note ? `${request.note} ${decision.explanation}` : decision.explanation,
        data: {
          offerId: offer.id,
          decisionId: decision.id,
          organisationId: offer.organisationId,
          staffId: offer.staffId,
          attempt,
          expiresAt: offer.expiresAt.toISOString(),
          expiry: window.explanation,
          trigger: request.trigger,
          ...(decision.record.onDutyRoster ? { onDutyAt: decision.record.onDutyRoster.checkedAt } : {}),
        },
      },
      trace,
    );
    await this.outbox.publish(
      manager,
      WorkOrderDispatched,
      {
        offerId: offer.id,
        workOrderId: wo.id,
        caseCode: wo.caseCode,
        handler: offer.handler,
        organisationId: offer.organisationId,
        organisationName: target.organisationName.slice(0, 200),
        organisationRegionCode: target.regionCode,
        ...(offer.staffId ? { staffId: offer.staffId } : {}),
        serviceType: wo.serviceType,
        regionCode: wo.regionCode,
        description: wo.description.slice(0, 5000),
        language: wo.language,
        urgency: wo.priority === 'urgent' ? 'urgent' : wo.urgency,
        vulnerableGroup: wo.vulnerableGroup,
        ...(wo.legalDeadlineAt ? { legalDeadlineAt: wo.legalDeadlineAt.toISOString() } : {}),
        applicant: unsealApplicant(this.pii, wo.applicantSealed),
        originPlatform: wo.originPlatform,
        receivedAt: wo.receivedAt.toISOString(),
        offeredAt: offer.offeredAt.toISOString(),
        expiresAt: offer.expiresAt.toISOString(),
        attempt,
      },
      { subject: wo.id, causationId: trace.causationId, correlationId: trace.correlationId },
    );
    await this.loads.refreshAll(manager, [{ organisationId: offer.organisationId, staffId: offer.staffId }, previous]);
    return offer;
  }

  /** Withdraws the open offer of a work order (reassignment, cancellation) and tells the handler. */
  async withdrawPending(
    manager: EntityManager,
    wo: WorkOrderEntity,
    reason: 'reassigned' | 'cancelled',
    trace: Trace = {},
  ): Promise<OfferEntity[]> {
    return this.withdraw(manager, wo, ['pending'], reason, trace);
  }

  /**
   * The work order leaves its current holder (moved by a supervisor or a referral, or ended): the pending
   * offer and an accepted one are withdrawn, so the handler that accepted hears of it (OfferWithdrawn)
   * instead of carrying on with a case that is now someone else's.
   */
  async withdrawCurrent(
    manager: EntityManager,
    wo: WorkOrderEntity,
    reason: 'reassigned' | 'cancelled',
    trace: Trace = {},
  ): Promise<OfferEntity[]> {
    return this.withdraw(manager, wo, ['pending', 'accepted'], reason, trace);
  }

  private async withdraw(
    manager: EntityManager,
    wo: WorkOrderEntity,
    statuses: OfferEntity['status'][],
    reason: 'reassigned' | 'cancelled',
    trace: Trace,
  ): Promise<OfferEntity[]> {
    const pending = await manager.find(OfferEntity, { where: { workOrderId: wo.id, status: In(statuses) } });
    for (const offer of pending) {
      offer.status = 'withdrawn';
      offer.answeredAt ??= new Date(); // an accepted offer keeps its acceptance time
      offer.reasonCode = reason;
      await manager.update(
        OfferEntity,
        { id: offer.id },
        { status: offer.status, answeredAt: offer.answeredAt, reasonCode: offer.reasonCode },
      );
      await this.outbox.publish(
        manager,
        OfferWithdrawn,
        { offerId: offer.id, workOrderId: wo.id, organisationId: offer.organisationId, reason },
        { subject: wo.id, ...trace },
      );
    }
    return pending;
  }

  private async toSupervisorQueue(
    manager: EntityManager,
    wo: WorkOrderEntity,
    move: SupervisorQueueMove,
  ): Promise<void> {
    const { why, actor, trace, data = {} } = move;
    wo.organisationId = null;
    wo.organisationName = null;
    wo.handler = null;
    wo.staffId = null;
    const toStatus = wo.status === 'supervisor-queue' ? undefined : 'supervisor-queue';
    await this.recorder.record(
      manager,
      wo,
      { action: 'sent-to-supervisor-queue', actor, toStatus, note: why, data },
      trace,
    );
  }

  /**
   * Who must not get the work order again: organisations (and staff) whose offers were rejected or
   * lapsed; after a reopening, also whoever handled it before.
   */
  private async exclusions(
    manager: EntityManager,
    wo: WorkOrderEntity,
    trigger: RoutingTrigger,
  ): Promise<{ organisations: Record<string, string>; staff: Record<string, string>; offers: number }> {
    // Every offer of the work order, read once: the answered ones exclude, and their number gives the next attempt.
    const offers = await selectEntities(manager, OfferEntity, 'WHERE t.work_order_id = $1 ORDER BY t.offered_at', [
      wo.id,
    ]);
    const organisations: Record<string, string> = {};
    const staff: Record<string, string> = {};
    for (const offer of offers) {
      if (offer.status === 'rejected')
        organisations[offer.organisationId] =
          `rejected offer ${offer.attempt} (${offer.reasonCode ?? 'no reason code'}: ${offer.reason ?? ''})`;
      if (offer.status === 'expired')
        organisations[offer.organisationId] = `did not answer offer ${offer.attempt} in time`;
      if (offer.status === 'accepted' && trigger === 'reopened') {
        organisations[offer.organisationId] = 'handled the matter before it was reopened after a low evaluation';
        if (offer.staffId) staff[offer.staffId] = 'handled the matter before it was reopened after a low evaluation';
      }
    }
    return { organisations, staff, offers: offers.length };
  }
}
