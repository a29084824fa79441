import { Injectable } from '@nestjs/common';
import { addCalendarDaysLegal } from '@legal/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, Trace } from '../common/actor';
import { DeadlineService } from '../sla/deadline.service';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import { SupervisionKind, SupervisionOrderEntity } from './entities/supervision-order.entity';

export interface EscalationRequest {
  kind: SupervisionKind;
  reason: string;
  actor: Actor;
  /** The organisation that must act; default: the one holding the work order. */
  organisationId?: string | null;
  /** A 督办 has its own deadline: this many calendar days (legal counting) from now. */
  dueInDays?: number;
  trace?: Trace;
}

/** Supervision (督办): escalations recorded on the timeline, each with its own supervision order and, when given, its own deadline. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly recorder: WorkOrderRecorder,
    private readonly deadlines: DeadlineService,
  ) {}

  async escalate(manager: EntityManager, wo: WorkOrderEntity, request: EscalationRequest): Promise<SupervisionOrderEntity> {
    const now = new Date();
    const due = request.dueInDays ? addCalendarDaysLegal(now, request.dueInDays) : undefined;
    const order = manager.create(SupervisionOrderEntity, {
      id: randomUUID(),
      workOrderId: wo.id,
      kind: request.kind,
      reason: request.reason.slice(0, 2000),
      organisationId: request.organisationId === undefined ? wo.organisationId : request.organisationId,
      issuedBy: (request.actor.id ?? request.actor.role).slice(0, 64),
      issuedRole: request.actor.role.slice(0, 32),
      dueAt: due?.dueAt ?? null,
      status: 'open',
      createdAt: now,
      resolvedAt: null,
    });
    await manager.insert(SupervisionOrderEntity, order);
    if (due) await this.deadlines.addSupervisionDeadline(manager, wo, order.id, now, due.dueAt, `督办 ${order.id}: ${due.explanation}`);
    wo.escalationLevel += 1;
    await this.recorder.record(
      manager,
      wo,
      {
        action: request.kind === 'supervision-order' ? 'supervision-order-issued' : 'escalated',
        actor: request.actor,
        note: request.reason,
        data: { supervisionOrderId: order.id, kind: request.kind, organisationId: order.organisationId, dueAt: order.dueAt?.toISOString() ?? null, escalationLevel: wo.escalationLevel },
      },
      request.trace,
    );
    return order;
  }
}
