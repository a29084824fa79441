import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CloudEvent, EvaluationSubmitted } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import type { EntityManager } from 'typeorm';
import type { Actor, Trace } from '../common/actor';
import { OfferService } from '../offers/offer.service';
import { lockWorkOrder } from '../work-orders/work-order-locks';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';

/** A score at or below this reopens a resolved work order (the plan: evaluation closes the loop). */
export const REOPEN_AT_OR_BELOW = 2;

/**
 * Consumer group `feedback`: a satisfied evaluation closes a resolved work order; a low one reopens it
 * and routes it again, away from the organisation and staff member who handled it.
 */
@Injectable()
export class EvaluationConsumer implements OnModuleInit {
  private readonly logger = new Logger(EvaluationConsumer.name);

  constructor(
    private readonly consumers: MessageConsumers,
    private readonly recorder: WorkOrderRecorder,
    private readonly offers: OfferService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'feedback',
      events: [EvaluationSubmitted],
      handle: (event, manager) => this.handle(event, manager),
    });
  }

  async handle(event: CloudEvent<EventData<typeof EvaluationSubmitted>>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const trace: Trace = { causationId: event.id, correlationId: event.correlationid };
    const wo = await lockWorkOrder(manager, d.workOrderId);
    if (!wo || wo.caseCode !== d.caseCode) {
      this.logger.warn({ msg: 'evaluation for an unknown work order ignored', workOrderId: d.workOrderId });
      return;
    }
    if (wo.status !== 'resolved') {
      this.logger.warn({
        msg: 'evaluation of a work order that is not resolved ignored',
        caseCode: wo.caseCode,
        status: wo.status,
      });
      return;
    }
    const actor: Actor = { role: 'citizen', id: wo.citizenUserId ?? undefined, platform: d.platform };
    const note = `evaluation ${d.score}/5${d.comment ? `: ${d.comment}` : ''}`;
    if (d.score > REOPEN_AT_OR_BELOW) {
      await this.recorder.record(
        manager,
        wo,
        {
          action: 'closed-after-evaluation',
          actor,
          toStatus: 'closed',
          note,
          data: { evaluationId: d.evaluationId, score: d.score },
        },
        trace,
      );
      return;
    }
    wo.reopenCount += 1;
    wo.offerFailures = 0;
    await this.recorder.record(
      manager,
      wo,
      { action: 'reopened', actor, toStatus: 'reopened', note, data: { evaluationId: d.evaluationId, score: d.score } },
      trace,
    );
    await this.offers.routeAndOffer(manager, wo, {
      trigger: 'reopened',
      trace,
      note: `Reopened after evaluation ${d.score}/5: a different organisation and staff member are chosen.`,
    });
  }
}
