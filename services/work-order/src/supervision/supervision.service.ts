import { Injectable } from '@nestjs/common';
import { addCalendarDaysLegal } from '@legal/domain';
import { ConflictError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, Trace } from '../common/actor';
import { DeadlineService } from '../sla/deadline.service';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import { SupervisionKind, SupervisionOrderEntity } from './entities/supervision-order.entity';

/** How a supervisor answered a supervision order, and who. */
export interface SupervisionResolution {
  orderId: string;
  resolution: string;
  actor: Actor;
  trace?: Trace;
}

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

  async escalate(
    manager: EntityManager,
    wo: WorkOrderEntity,
    request: EscalationRequest,
  ): Promise<SupervisionOrderEntity> {
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
    if (due) {
      const explanation = `督办 ${order.id}: ${due.explanation}`;
      const clock = { supervisionOrderId: order.id, startAt: now, dueAt: due.dueAt, explanation };
      await this.deadlines.addSupervisionDeadline(manager, wo, clock);
    }
    wo.escalationLevel += 1;
    await this.recorder.record(
      manager,
      wo,
      {
        action: request.kind === 'supervision-order' ? 'supervision-order-issued' : 'escalated',
        actor: request.actor,
        note: request.reason,
        data: {
          supervisionOrderId: order.id,
          kind: request.kind,
          organisationId: order.organisationId,
          dueAt: order.dueAt?.toISOString() ?? null,
          escalationLevel: wo.escalationLevel,
        },
      },
      request.trace,
    );
    return order;
  }

  /**
   * A supervisor records how a supervision order was answered: the order is resolved, its own clock
   * stops (met, or breached when it ran out first) and the timeline says so. Resolving twice is a conflict.
   */
  async resolve(
    manager: EntityManager,
    wo: WorkOrderEntity,
    request: SupervisionResolution,
  ): Promise<SupervisionOrderEntity> {
    const { orderId, resolution, actor, trace } = request;
    const order = await manager.findOne(SupervisionOrderEntity, {
      where: { id: orderId, workOrderId: wo.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!order) throw new NotFoundError('Supervision order', `${orderId} of ${wo.caseCode}`);
    if (order.status !== 'open') {
      throw new ConflictError(
        'supervision-order-resolved',
        `Supervision order ${orderId} was already resolved at ${order.resolvedAt?.toISOString() ?? 'an earlier time'}`,
      );
    }
    const now = new Date();
    order.status = 'resolved';
    order.resolvedAt = now;
    order.resolvedBy = (actor.id ?? actor.role).slice(0, 64);
    order.resolution = resolution.slice(0, 2000);
    await manager.save(SupervisionOrderEntity, order);
    const deadline = await this.deadlines.closeSupervisionDeadline(manager, order.id, now);
    await this.recorder.record(
      manager,
      wo,
      {
        action: 'supervision-order-resolved',
        actor,
        note: resolution,
        data: { supervisionOrderId: order.id, kind: order.kind, deadline: deadline?.status ?? null },
      },
      trace,
    );
    return order;
  }
}
