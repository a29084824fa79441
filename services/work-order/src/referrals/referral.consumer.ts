import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { DataOf } from '../common/event-data';
import { CloudEvent, ReferralAccepted, ReferralRejected, ReferralRequested } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import type { EntityManager } from 'typeorm';
import type { Trace } from '../common/actor';
import { SupervisionService } from '../supervision/supervision.service';
import { lockWorkOrder } from '../work-orders/work-order-locks';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';

type ReferralData = DataOf<typeof ReferralRequested> | DataOf<typeof ReferralAccepted> | DataOf<typeof ReferralRejected>;

/** Consumer group `referrals`: referrals (转介) between organisations go on the timeline; a rejected one escalates to the coordinating organisation. */
@Injectable()
export class ReferralConsumer implements OnModuleInit {
  private readonly logger = new Logger(ReferralConsumer.name);

  constructor(
    private readonly consumers: MessageConsumers,
    private readonly recorder: WorkOrderRecorder,
    private readonly supervision: SupervisionService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({ group: 'referrals', events: [ReferralRequested, ReferralAccepted, ReferralRejected], handle: (event, manager) => this.handle(event, manager) });
  }

  async handle(event: CloudEvent<ReferralData>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const trace: Trace = { causationId: event.id, correlationId: event.correlationid };
    const wo = await lockWorkOrder(manager, d.workOrderId);
    if (!wo || wo.caseCode !== d.caseCode) {
      this.logger.warn({ msg: 'referral for an unknown work order ignored', type: event.type, workOrderId: d.workOrderId });
      return;
    }
    const actor = { role: 'centre-clerk', id: d.actorId };
    const data = { referralId: d.referralId, fromOrganisationId: d.fromOrganisationId, toOrganisationId: d.toOrganisationId };
    if (event.type === ReferralRequested.type) {
      const r = d as DataOf<typeof ReferralRequested>;
      await this.recorder.record(manager, wo, { action: 'referral-requested', actor, at: new Date(r.at), note: `referred from ${r.fromOrganisationId} to ${r.toOrganisationId}, answer by ${r.respondBy}: ${r.reason}`, data: { ...data, respondBy: r.respondBy } }, trace);
    } else if (event.type === ReferralAccepted.type) {
      await this.recorder.record(manager, wo, { action: 'referral-accepted', actor, at: new Date(d.at), note: `${d.toOrganisationId} accepted the referral`, data }, trace);
    } else {
      const r = d as DataOf<typeof ReferralRejected>;
      await this.recorder.record(manager, wo, { action: 'referral-rejected', actor, at: new Date(r.at), note: `${r.toOrganisationId} rejected the referral: ${r.reason}`, data }, trace);
      await this.supervision.escalate(manager, wo, {
        kind: 'referral-escalation',
        reason: `referral ${r.referralId} rejected by ${r.toOrganisationId} (${r.reason}); the coordinating organisation ${r.escalatedToOrganisationId} decides`,
        actor: { role: 'system', id: 'work-order' },
        organisationId: r.escalatedToOrganisationId,
        trace,
      });
    }
  }
}
