import { Injectable, Logger } from '@nestjs/common';
import type { Deadline } from '@legal/contracts';
import { ConflictError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import type { Actor } from '../common/actor';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { WorkOrderDeadlines } from '../work-orders/work-order-ports';
import { computeStoredDeadline } from './deadline-calculator';
import { ClockStart, deadlineSpecs, DeadlineSpec, STARTS_ON_REGISTRATION, STARTS_ON_STEP } from './deadline-policy';
import { DeadlineEntity } from './entities/deadline.entity';
import { insertEntityRow, selectEntities } from '../common/entity-sql';
import { queryRows, tableOf } from '../common/sql';

const ACTIVE = ['running', 'paused'] as const;

/** A supervisor's extension of one clock: which, by how many units of its rule, why, and who. */
export interface DeadlineExtension {
  kind: string;
  units: number;
  reason: string;
  actor: Actor;
}

/** A clock the calendar moved: its kind and due instants before and after. */
export interface RecomputedDeadline {
  kind: string;
  before: string;
  after: string;
}

/** The own clock of a supervision order (督办): from when, until when, and why. */
export interface SupervisionClock {
  supervisionOrderId: string;
  startAt: Date;
  dueAt: Date;
  explanation: string;
}

export function deadlineView(d: DeadlineEntity): Deadline {
  const explanation = d.explanation.slice(0, 2000);
  return { kind: d.kind, dueAt: d.dueAt.toISOString(), rule: d.rule, explanation, status: d.status };
}

/**
 * SLA clocks of work orders: started by registration, acceptance and progress steps; paused while
 * waiting for the applicant and resumed with the due date shifted; met, breached or cancelled; extended
 * with a reason. Every write happens in the caller's transaction, with the work order locked.
 */
@Injectable()
export class DeadlineService extends WorkOrderDeadlines {
  private readonly logger = new Logger(DeadlineService.name);

  async forWorkOrder(manager: EntityManager, workOrderId: string): Promise<DeadlineEntity[]> {
    // Plain SQL: read for every WorkOrderChanged (issue 14).
    return selectEntities(manager, DeadlineEntity, 'WHERE t.work_order_id = $1 ORDER BY t.created_at, t.kind', [
      workOrderId,
    ]);
  }

  /** The clocks as WorkOrderChanged carries them (the core's WorkOrderDeadlines). */
  async currentDeadlines(manager: EntityManager, workOrderId: string): Promise<Deadline[]> {
    return (await this.forWorkOrder(manager, workOrderId)).map(deadlineView);
  }

  /** Clocks that run from the moment the request was received (legal-aid decision, notified defence, callback, complaint reply). */
  async startOnRegistration(manager: EntityManager, wo: WorkOrderEntity): Promise<DeadlineEntity[]> {
    return this.startClocks(manager, wo, STARTS_ON_REGISTRATION, wo.receivedAt);
  }

  /** Clocks that run from acceptance by the handling organisation (notarization, mediation). */
  async startOnAcceptance(manager: EntityManager, wo: WorkOrderEntity, at: Date): Promise<DeadlineEntity[]> {
    return this.startClocks(manager, wo, ['application-accepted'], at);
  }

  /** A progress step may meet deadlines, start new ones, and carry deadlines the handler computed itself. */
  async onStep(
    manager: EntityManager,
    wo: WorkOrderEntity,
    step: string,
    at: Date,
    reported: readonly Deadline[],
  ): Promise<string[]> {
    const changes: string[] = [];
    const specs = deadlineSpecs(wo.serviceType);
    // Plain SQL: read for every progress report (issue 14).
    const active = await selectEntities(manager, DeadlineEntity, 'WHERE t.work_order_id = $1 AND t.status = ANY($2)', [
      wo.id,
      [...ACTIVE],
    ]);
    for (const deadline of active) {
      const spec = specs.find((s) => s.kind === deadline.kind);
      if (spec?.metBySteps.includes(step)) {
        this.close(deadline, at);
        await manager.save(DeadlineEntity, deadline);
        changes.push(`${deadline.kind} ${deadline.status}`);
      }
    }
    const reportedKinds = new Set(reported.map((d) => d.kind));
    const start = STARTS_ON_STEP[step];
    if (start) {
      const started = await this.startClocks(manager, wo, [start], at, reportedKinds);
      changes.push(...started.map((d) => `${d.kind} started`));
    }
    for (const d of reported) {
      const existing = await manager.findOne(DeadlineEntity, { where: { workOrderId: wo.id, kind: d.kind } });
      if (existing) {
        const change = this.applyHandlerReport(existing, d, { at, handler: wo.handler ?? 'the handler' });
        if (change) {
          await manager.save(DeadlineEntity, existing);
          changes.push(change);
        }
        continue;
      }
      await manager.insert(
        DeadlineEntity,
        this.build(wo.id, {
          kind: d.kind,
          rule: d.rule,
          units: null,
          startAt: at,
          dueAt: new Date(d.dueAt),
          explanation: `reported by ${wo.handler ?? 'the handler'}: ${d.explanation}`,
          source: 'handler',
        }),
      );
      changes.push(`${d.kind} reported`);
    }
    return changes;
  }

  async pause(manager: EntityManager, wo: WorkOrderEntity, at: Date): Promise<string[]> {
    const running = await manager.find(DeadlineEntity, {
      where: { workOrderId: wo.id, status: 'running', source: In(['law', 'handler']) },
    });
    for (const d of running) {
      d.status = 'paused';
      d.pausedAt = at < d.startAt ? d.startAt : at;
      d.updatedAt = new Date();
      await manager.save(DeadlineEntity, d);
    }
    return running.map((d) => `${d.kind} paused`);
  }

  async resume(manager: EntityManager, wo: WorkOrderEntity, at: Date): Promise<string[]> {
    const paused = await manager.find(DeadlineEntity, { where: { workOrderId: wo.id, status: 'paused' } });
    const changes: string[] = [];
    for (const d of paused) {
      const pausedAt = d.pausedAt ?? at;
      const resumedAt = at < pausedAt ? pausedAt : at;
      d.pauses = [...d.pauses, { pausedAt: pausedAt.toISOString(), resumedAt: resumedAt.toISOString() }];
      d.pausedAt = null;
      d.status = 'running';
      this.recompute(d, resumedAt.getTime() - pausedAt.getTime(), wo.serviceType);
      d.updatedAt = new Date();
      await manager.save(DeadlineEntity, d);
      changes.push(`${d.kind} resumed, due ${d.dueAt.toISOString()}`);
    }
    return changes;
  }

  /** The matter is resolved: each open clock (supervision orders' included) is met, or breached when it ran out first. */
  async resolveAll(manager: EntityManager, wo: WorkOrderEntity, at: Date): Promise<void> {
    const active = await manager.find(DeadlineEntity, { where: { workOrderId: wo.id, status: In([...ACTIVE]) } });
    for (const d of active) {
      this.close(d, at);
      await manager.save(DeadlineEntity, d);
    }
  }

  async cancelAll(manager: EntityManager, wo: WorkOrderEntity, at: Date): Promise<void> {
    await manager.update(
      DeadlineEntity,
      { workOrderId: wo.id, status: In([...ACTIVE]) },
      { status: 'cancelled', closedAt: at, updatedAt: new Date() },
    );
  }

  async extend(
    manager: EntityManager,
    wo: WorkOrderEntity,
    { kind, units, reason, actor }: DeadlineExtension,
  ): Promise<DeadlineEntity> {
    const deadline = await manager.findOne(DeadlineEntity, {
      where: { workOrderId: wo.id, kind, status: In([...ACTIVE]) },
    });
    if (!deadline) {
      const any = await manager.findOne(DeadlineEntity, { where: { workOrderId: wo.id, kind } });
      if (!any) throw new NotFoundError('Deadline', `${kind} of ${wo.caseCode}`);
      throw new ConflictError(
        'deadline-not-running',
        `Deadline ${kind} of ${wo.caseCode} is ${any.status}; only running or paused deadlines can be extended`,
      );
    }
    const before = deadline.dueAt.getTime();
    deadline.extensions = [
      ...deadline.extensions,
      { units, reason, by: actor.id ?? actor.role, at: new Date().toISOString() },
    ];
    this.recompute(deadline, units * 24 * 3600 * 1000, wo.serviceType);
    if (deadline.dueAt.getTime() <= before)
      throw new ConflictError('extension-ineffective', 'The extension does not move the deadline');
    deadline.updatedAt = new Date();
    await manager.save(DeadlineEntity, deadline);
    return deadline;
  }

  /**
   * The official calendar changed (a holiday notice was loaded): every open statutory clock of the work
   * order whose period crosses a changed day is recomputed from its inputs; returns those that moved.
   */
  async recomputeForCalendar(
    manager: EntityManager,
    wo: WorkOrderEntity,
    crosses: (d: DeadlineEntity) => boolean,
  ): Promise<RecomputedDeadline[]> {
    const open = await manager.find(DeadlineEntity, {
      where: { workOrderId: wo.id, status: In([...ACTIVE]), source: 'law' },
    });
    const moved: RecomputedDeadline[] = [];
    for (const d of open) {
      if (d.units === null || !crosses(d)) continue;
      const before = d.dueAt.toISOString();
      const explanation = d.explanation;
      this.recompute(d, 0, wo.serviceType);
      // A clock whose due date stays may still lose its "no official calendar" warning.
      if (d.dueAt.toISOString() === before && d.explanation === explanation) continue;
      d.updatedAt = new Date();
      await manager.save(DeadlineEntity, d);
      moved.push({ kind: d.kind, before, after: d.dueAt.toISOString() });
    }
    return moved;
  }

  /** Stops the clock of a supervision order: met, or breached when it ran out first; undefined when it had none running. */
  async closeSupervisionDeadline(
    manager: EntityManager,
    supervisionOrderId: string,
    at: Date,
  ): Promise<DeadlineEntity | undefined> {
    const deadline = await manager.findOne(DeadlineEntity, { where: { supervisionOrderId, status: In([...ACTIVE]) } });
    if (!deadline) return undefined;
    this.close(deadline, at);
    await manager.save(DeadlineEntity, deadline);
    return deadline;
  }

  async addSupervisionDeadline(
    manager: EntityManager,
    wo: WorkOrderEntity,
    clock: SupervisionClock,
  ): Promise<DeadlineEntity> {
    const { supervisionOrderId, startAt, dueAt, explanation } = clock;
    const row = this.build(wo.id, {
      kind: 'supervision-order',
      rule: 'calendar-days',
      units: null,
      startAt,
      dueAt,
      explanation,
      source: 'supervision',
    });
    row.supervisionOrderId = supervisionOrderId;
    await manager.insert(DeadlineEntity, row);
    return row;
  }

  private async startClocks(
    manager: EntityManager,
    wo: WorkOrderEntity,
    starts: readonly ClockStart[],
    at: Date,
    skipKinds: ReadonlySet<string> = new Set(),
  ): Promise<DeadlineEntity[]> {
    const specs = deadlineSpecs(wo.serviceType).filter((s) => starts.includes(s.startsAt) && !skipKinds.has(s.kind));
    if (specs.length === 0) return [];
    // Which of these clocks already exist, in one plain statement on the hot path of every intake (issue 14).
    const existing = await queryRows<{ kind: string }>(
      manager,
      `SELECT kind FROM ${tableOf(manager, DeadlineEntity)} WHERE work_order_id = $1 AND kind = ANY($2)`,
      [wo.id, specs.map((s) => s.kind)],
    );
    const started = new Set(existing.map((r) => r.kind));
    const created: DeadlineEntity[] = [];
    for (const spec of specs) {
      if (started.has(spec.kind)) continue;
      const row = this.fromSpec(wo.id, spec, at);
      await insertEntityRow(manager, DeadlineEntity, row); // every column set by build()
      created.push(row);
    }
    return created;
  }

  private fromSpec(workOrderId: string, spec: DeadlineSpec, startAt: Date): DeadlineEntity {
    const computed = computeStoredDeadline({
      rule: spec.rule,
      units: spec.units,
      startAt,
      pauses: [],
      extensions: [],
      basis: spec.basis,
    });
    return this.build(workOrderId, {
      kind: spec.kind,
      rule: spec.rule,
      units: spec.units,
      startAt,
      dueAt: computed.dueAt,
      explanation: computed.explanation,
      source: 'law',
    });
  }

  private build(
    workOrderId: string,
    f: Pick<DeadlineEntity, 'kind' | 'rule' | 'units' | 'startAt' | 'dueAt' | 'explanation' | 'source'>,
  ): DeadlineEntity {
    const now = new Date();
    return Object.assign(new DeadlineEntity(), {
      id: randomUUID(),
      workOrderId,
      ...f,
      status: 'running',
      pausedAt: null,
      pauses: [],
      extensions: [],
      supervisionOrderId: null,
      dueSoonAlertedAt: null,
      overdueAlertedAt: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Statutory clocks are recomputed from their inputs; reported ones are shifted by `shiftMs`. */
  private recompute(d: DeadlineEntity, shiftMs: number, serviceType: WorkOrderEntity['serviceType']): void {
    if (d.source === 'law' && d.units !== null) {
      const basis = deadlineSpecs(serviceType).find((s) => s.kind === d.kind)?.basis;
      try {
        const computed = computeStoredDeadline({
          rule: d.rule,
          units: d.units,
          startAt: d.startAt,
          pauses: d.pauses,
          extensions: d.extensions,
          basis,
        });
        d.dueAt = computed.dueAt;
        d.explanation = computed.explanation;
        return;
      } catch (e) {
        this.logger.warn(
          { err: e, deadlineId: d.id },
          'deadline could not be recomputed from its inputs; shifting it instead',
        );
      }
    }
    d.dueAt = new Date(d.dueAt.getTime() + shiftMs);
    d.explanation = `${d.explanation} Shifted by ${Math.round(shiftMs / 3_600_000)} hour(s) to ${d.dueAt.toISOString()}.`;
  }

  /**
   * A clock the handler computes itself (source `handler`) follows its later reports: a new due date (its own
   * pause for materials, an extension), paused or running again, or closed (met, breached) by the handler.
   * Clocks of the law and of supervision are never changed by a report. Returns what changed, if anything.
   */
  private applyHandlerReport(
    d: DeadlineEntity,
    reported: Deadline,
    { at, handler }: { at: Date; handler: string },
  ): string | undefined {
    if (d.source !== 'handler' || !(ACTIVE as readonly string[]).includes(d.status)) return undefined;
    const dueAt = new Date(reported.dueAt);
    if (reported.status === 'met' || reported.status === 'breached' || reported.status === 'cancelled') {
      Object.assign(d, { status: reported.status, pausedAt: null, closedAt: at, updatedAt: new Date() });
      return `${d.kind} ${reported.status}`;
    }
    if (dueAt.getTime() === d.dueAt.getTime() && reported.status === d.status) return undefined;
    const moved = dueAt.getTime() !== d.dueAt.getTime();
    Object.assign(d, {
      dueAt,
      status: reported.status,
      pausedAt: reported.status === 'paused' ? (d.pausedAt ?? at) : null,
      explanation: `reported by ${handler}: ${reported.explanation}`,
      updatedAt: new Date(),
      ...(moved ? { dueSoonAlertedAt: null, overdueAlertedAt: null } : {}),
    });
    return `${d.kind} ${reported.status}${moved ? `, due ${dueAt.toISOString()}` : ''}`;
  }

  private close(d: DeadlineEntity, at: Date): void {
    d.status = at.getTime() <= d.dueAt.getTime() ? 'met' : 'breached';
    d.pausedAt = null;
    d.closedAt = at;
    d.updatedAt = new Date();
  }
}
