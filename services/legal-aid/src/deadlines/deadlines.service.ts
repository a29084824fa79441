import { Injectable } from '@nestjs/common';
import type { Deadline } from '@legal/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { ApplicationDeadline, DeadlineKind } from './entities/application-deadline.entity';
import { computeClock, STATUTORY_PERIODS } from './legal-clock';

/** The statutory clocks of applications; every method writes through the caller's transaction. */
@Injectable()
export class DeadlinesService {
  async start(
    manager: EntityManager,
    applicationId: string,
    kind: DeadlineKind,
    startedAt: Date,
  ): Promise<ApplicationDeadline> {
    const days = STATUTORY_PERIODS[kind].days;
    const clock = computeClock(kind, startedAt, days, []);
    const deadline = manager.create(ApplicationDeadline, {
      id: randomUUID(),
      applicationId,
      kind,
      rule: 'calendar-days',
      days,
      startedAt,
      dueAt: clock.dueAt,
      explanation: clock.explanation,
      status: 'running',
      pauses: [],
      completedAt: null,
      breachedAt: null,
    });
    // A new id: a plain INSERT (its timestamps come back with it), not save's SELECT of that id first (issue 14).
    await manager.insert(ApplicationDeadline, deadline);
    return deadline;
  }

  async find(manager: EntityManager, applicationId: string, kind: DeadlineKind): Promise<ApplicationDeadline | null> {
    return manager.findOne(ApplicationDeadline, { where: { applicationId, kind } });
  }

  async list(manager: EntityManager, applicationIds: string[]): Promise<ApplicationDeadline[]> {
    if (applicationIds.length === 0) return [];
    return manager.find(ApplicationDeadline, {
      where: { applicationId: In(applicationIds) },
      order: { startedAt: 'ASC' },
    });
  }

  /** Stops a running clock (waiting for the applicant's materials). */
  async pause(
    manager: EntityManager,
    applicationId: string,
    kind: DeadlineKind,
    at: Date,
  ): Promise<ApplicationDeadline | null> {
    const deadline = await this.find(manager, applicationId, kind);
    if (!deadline || deadline.status !== 'running') return deadline;
    deadline.pauses = [...deadline.pauses, { pausedAt: at.toISOString() }];
    deadline.status = 'paused';
    return manager.save(deadline);
  }

  /** Restarts a paused clock and moves its due time by the days it stood still. */
  async resume(
    manager: EntityManager,
    applicationId: string,
    kind: DeadlineKind,
    at: Date,
  ): Promise<ApplicationDeadline | null> {
    const deadline = await this.find(manager, applicationId, kind);
    if (!deadline || deadline.status !== 'paused') return deadline;
    deadline.pauses = deadline.pauses.map((p) => (p.resumedAt ? p : { ...p, resumedAt: at.toISOString() }));
    const clock = computeClock(kind, deadline.startedAt, deadline.days, deadline.pauses);
    deadline.dueAt = clock.dueAt;
    deadline.explanation = clock.explanation;
    deadline.status = clock.dueAt.getTime() < at.getTime() ? 'breached' : 'running';
    if (deadline.status === 'breached') deadline.breachedAt = at;
    return manager.save(deadline);
  }

  /** The step happened: a running clock is met; a breached one stays breached with the time recorded. */
  async complete(
    manager: EntityManager,
    applicationId: string,
    kind: DeadlineKind,
    at: Date,
  ): Promise<ApplicationDeadline | null> {
    const deadline = await this.find(manager, applicationId, kind);
    if (!deadline || deadline.completedAt || deadline.status === 'cancelled') return deadline;
    deadline.completedAt = at;
    if (deadline.status === 'running' || deadline.status === 'paused') {
      deadline.status = at.getTime() <= deadline.dueAt.getTime() ? 'met' : 'breached';
      if (deadline.status === 'breached') deadline.breachedAt = deadline.dueAt;
    }
    return manager.save(deadline);
  }

  async cancel(
    manager: EntityManager,
    applicationId: string,
    kind: DeadlineKind,
    at: Date,
  ): Promise<ApplicationDeadline | null> {
    const deadline = await this.find(manager, applicationId, kind);
    if (!deadline || deadline.completedAt || deadline.status === 'cancelled') return deadline;
    deadline.status = 'cancelled';
    deadline.completedAt = at;
    return manager.save(deadline);
  }

  /** Running clocks whose time is up become breached (idempotent, safe with several instances). */
  async markBreached(manager: EntityManager, now: Date): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ApplicationDeadline)
      .set({ status: 'breached', breachedAt: () => 'due_at' })
      .where('status = :status AND due_at < :now', { status: 'running', now })
      .execute();
    return result.affected ?? 0;
  }
}

/** The contract shape (libs/contracts Deadline) of a stored clock. */
export function toContractDeadline(deadline: ApplicationDeadline): Deadline {
  return {
    kind: deadline.kind,
    dueAt: deadline.dueAt.toISOString(),
    rule: deadline.rule,
    explanation: deadline.explanation.slice(0, 2000),
    status: deadline.status,
  };
}
