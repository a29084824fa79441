import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CloudEvent, ReferralAccepted, ReferralRejected, ReferralRequested } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import type { EntityManager } from 'typeorm';
import type { Actor, Trace } from '../common/actor';
import { OfferService } from '../offers/offer.service';
import { LoadCounterService } from '../routing/load-counter.service';
import { SupervisionService } from '../supervision/supervision.service';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { canTransition } from '../work-orders/work-order-lifecycle';
import { lockWorkOrder } from '../work-orders/work-order-locks';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';

type ReferralData =
  EventData<typeof ReferralRequested> | EventData<typeof ReferralAccepted> | EventData<typeof ReferralRejected>;

/**
 * Consumer group `referrals`: referrals (转介) between organisations go on the timeline. An accepted
 * one moves the work order to the receiving organisation (a new offer to it, the pending one
 * withdrawn) when that organisation may take it; a rejected one escalates to the coordinating organisation.
 */
@Injectable()
export class ReferralConsumer implements OnModuleInit {
  private readonly logger = new Logger(ReferralConsumer.name);

  constructor(
    private readonly consumers: MessageConsumers,
    private readonly recorder: WorkOrderRecorder,
    private readonly supervision: SupervisionService,
    private readonly offers: OfferService,
    private readonly loads: LoadCounterService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'referrals',
      events: [ReferralRequested, ReferralAccepted, ReferralRejected],
      handle: (event, manager) => this.handle(event, manager),
    });
  }

  async handle(event: CloudEvent<ReferralData>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const trace: Trace = { causationId: event.id, correlationId: event.correlationid };
    const wo = await lockWorkOrder(manager, d.workOrderId);
    if (!wo || wo.caseCode !== d.caseCode) {
      this.logger.warn({
        msg: 'referral for an unknown work order ignored',
        type: event.type,
        workOrderId: d.workOrderId,
      });
      return;
    }
    const actor = { role: 'centre-clerk', id: d.actorId };
    const data = {
      referralId: d.referralId,
      fromOrganisationId: d.fromOrganisationId,
      toOrganisationId: d.toOrganisationId,
    };
    if (event.type === ReferralRequested.type) {
      const r = d as EventData<typeof ReferralRequested>;
      await this.recorder.record(
        manager,
        wo,
        {
          action: 'referral-requested',
          actor,
          at: new Date(r.at),
          note: `referred from ${r.fromOrganisationId} to ${r.toOrganisationId}, answer by ${r.respondBy}: ${r.reason}`,
          data: { ...data, respondBy: r.respondBy },
        },
        trace,
      );
    } else if (event.type === ReferralAccepted.type) {
      await this.accepted(manager, wo, d, actor, trace);
    } else {
      const r = d as EventData<typeof ReferralRejected>;
      await this.recorder.record(
        manager,
        wo,
        {
          action: 'referral-rejected',
          actor,
          at: new Date(r.at),
          note: `${r.toOrganisationId} rejected the referral: ${r.reason}`,
          data,
        },
        trace,
      );
      await this.supervision.escalate(manager, wo, {
        kind: 'referral-escalation',
        reason: `referral ${r.referralId} rejected by ${r.toOrganisationId} (${r.reason}); the coordinating organisation ${r.escalatedToOrganisationId} decides`,
        actor: { role: 'system', id: 'work-order' },
        organisationId: r.escalatedToOrganisationId,
        trace,
      });
    }
  }

  private async accepted(
    manager: EntityManager,
    wo: WorkOrderEntity,
    d: ReferralData,
    actor: Actor,
    trace: Trace,
  ): Promise<void> {
    const data = {
      referralId: d.referralId,
      fromOrganisationId: d.fromOrganisationId,
      toOrganisationId: d.toOrganisationId,
    };
    const at = new Date(d.at);
    const checked =
      this.whyNotMoved(wo, d.toOrganisationId) ?? (await this.offers.checkTarget(manager, wo, d.toOrganisationId));
    if (typeof checked === 'string' || 'problems' in checked) {
      const why = typeof checked === 'string' ? checked : checked.problems.flatMap((p) => p.messages).join('; ');
      await this.recorder.record(
        manager,
        wo,
        {
          action: 'referral-accepted',
          actor,
          at,
          note: `${d.toOrganisationId} accepted the referral; the work order stays with ${wo.organisationId ?? 'nobody'}: ${why}`,
          data: { ...data, moved: false },
        },
        trace,
      );
      return;
    }
    const previous = { organisationId: wo.organisationId, staffId: wo.staffId };
    await this.recorder.record(
      manager,
      wo,
      {
        action: 'referral-accepted',
        actor,
        at,
        note: `${d.toOrganisationId} accepted the referral`,
        data: { ...data, moved: true },
      },
      trace,
    );
    await this.offers.withdrawCurrent(manager, wo, 'reassigned', trace);
    wo.offerFailures = 0;
    await this.offers.offerTo(manager, wo, checked.target, {
      trigger: 'referral',
      actor,
      trace,
      reason: `referral ${d.referralId} from ${d.fromOrganisationId} accepted`,
    });
    await this.loads.refresh(manager, previous.organisationId, previous.staffId);
  }

  /** Why an accepted referral does not move the work order, or undefined when it does. */
  private whyNotMoved(wo: WorkOrderEntity, toOrganisationId: string): string | undefined {
    if (wo.organisationId === toOrganisationId) return 'it already holds it';
    if (!canTransition(wo.status, 'offered')) return `a ${wo.status} work order is not offered again`;
    return undefined;
  }
}
