import { Injectable } from '@nestjs/common';
import { CalendarClocks, MovedClock, OpenClock } from '@legal/handler-kit';
import { EntityManager, In } from 'typeorm';
import { MediationCase, OPEN_CASE_STATUSES } from '../cases/entities/mediation-case.entity';
import { HistoryService } from '../history/history.service';
import { computeMediationTerm, termDeadline } from './mediation-term';

/**
 * The mediation term (30 calendar days whose last day, when off work, moves to the next working day, plus
 * extensions) follows a loaded calendar year: each open case whose term crosses a changed day is computed
 * again from its acceptance and extensions (the handler kit's `calendarClocks`); a term that moved
 * gets a history entry and a Progressed `deadline-recomputed` report with the new term for work-order.
 */
@Injectable()
export class MediationTermClocks implements CalendarClocks {
  readonly name = 'mediation terms';

  constructor(private readonly history: HistoryService) {}

  async find(manager: EntityManager): Promise<OpenClock[]> {
    const open = await manager.find(MediationCase, {
      select: { id: true, acceptedAt: true, termDueAt: true },
      where: { status: In([...OPEN_CASE_STATUSES]) },
    });
    return open.map((c) => ({ id: c.id, startAt: c.acceptedAt, dueAt: c.termDueAt }));
  }

  async recompute(manager: EntityManager, id: string): Promise<MovedClock | null> {
    const c = await manager.findOne(MediationCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!c || !OPEN_CASE_STATUSES.includes(c.status)) return null;
    const term = computeMediationTerm(c.acceptedAt, c.termExtensions);
    const before = c.termDueAt;
    if (term.dueAt.getTime() === before.getTime()) return null;
    Object.assign(c, { termDueAt: term.dueAt, termExplanation: term.explanation });
    await manager.save(c);
    return {
      what: 'mediation term',
      before,
      after: term.dueAt,
      record: (entry) => this.history.record(manager, { caseId: c.id, ...entry }),
      report: { about: c, deadlines: [termDeadline(term)] },
    };
  }
}
