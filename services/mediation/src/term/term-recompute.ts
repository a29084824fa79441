import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CALENDAR_ACTOR,
  DEADLINE_RECOMPUTED_STEP,
  HandlerReporter,
  recomputedDetail,
  recomputeOnCalendarChange,
} from '@legal/handler-kit';
import { CalendarFollower } from '@legal/service-kit';
import type { CalendarYearApplied } from '@legal/service-kit';
import { DataSource, EntityManager, In } from 'typeorm';
import { MediationCase, OPEN_CASE_STATUSES } from '../cases/entities/mediation-case.entity';
import { HistoryService } from '../history/history.service';
import type { MediationOutcome, ProgressStep } from '../reports/mediation-reports';
import { computeMediationTerm, termDeadline } from './mediation-term';

/**
 * The mediation term (30 calendar days whose last day, when off work, moves to the next working day, plus
 * extensions) follows a loaded calendar year: each open case whose term crosses a changed day is computed
 * again from its acceptance and extensions (handler kit's recomputeOnCalendarChange); a term that moved
 * gets a history entry and a Progressed `deadline-recomputed` report with the new term for work-order.
 */
@Injectable()
export class TermRecompute implements OnModuleInit {
  private run: ((applied: CalendarYearApplied) => Promise<number>) | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly follower: CalendarFollower,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, MediationOutcome>,
  ) {}

  onModuleInit(): void {
    this.run = recomputeOnCalendarChange({
      name: 'mediation terms',
      dataSource: this.dataSource,
      follower: this.follower,
      findOpenClocks: async (manager) => {
        const open = await manager.find(MediationCase, {
          select: { id: true, acceptedAt: true, termDueAt: true },
          where: { status: In([...OPEN_CASE_STATUSES]) },
        });
        return open.map((c) => ({ id: c.id, startAt: c.acceptedAt, dueAt: c.termDueAt }));
      },
      recompute: (manager, id, applied) => this.recomputeOne(manager, id, applied),
    });
  }

  /** Returns how many terms moved. */
  async recompute(applied: CalendarYearApplied): Promise<number> {
    if (!this.run) throw new Error('TermRecompute used before module init');
    return this.run(applied);
  }

  private async recomputeOne(manager: EntityManager, id: string, applied: CalendarYearApplied): Promise<boolean> {
    const c = await manager.findOne(MediationCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!c || !OPEN_CASE_STATUSES.includes(c.status)) return false;
    const term = computeMediationTerm(c.acceptedAt, c.termExtensions);
    const before = c.termDueAt;
    if (term.dueAt.getTime() === before.getTime()) return false;
    Object.assign(c, { termDueAt: term.dueAt, termExplanation: term.explanation });
    await manager.save(c);
    const now = new Date();
    const detail = recomputedDetail(applied, 'mediation term', before, term.dueAt);
    const step = DEADLINE_RECOMPUTED_STEP;
    await this.history.record(manager, { caseId: c.id, step, actorId: CALENDAR_ACTOR, detail, at: now });
    await this.reports.progressed(manager, {
      about: c,
      step,
      detail,
      deadlines: [termDeadline(term)],
      actorId: CALENDAR_ACTOR,
      at: now,
    });
    return true;
  }
}
