import { Injectable } from '@nestjs/common';
import { CalendarClocks, MovedClock, OpenClock, RecomputedHistoryEntry } from '@legal/handler-kit';
import { addCalendarDaysLegal } from '@legal/domain';
import { EntityManager } from 'typeorm';
import { ApplicationHistoryService } from '../applications/application-history.service';
import { Application } from '../applications/entities/application.entity';
import { reportSubject } from '../applications/report-subject';
import { LegalAidEnv } from '../config/legal-aid.env';
import { ReturnVisit } from '../return-visits/entities/return-visit.entity';
import { toContractDeadline } from './deadlines.service';
import { ApplicationDeadline } from './entities/application-deadline.entity';
import { computeClock } from './legal-clock';

/**
 * Legal aid's statutory clocks (decision within 7 days, lawyer appointment within 3 days: calendar days
 * whose last day, when a rest day or holiday, moves to the next working day) follow a loaded calendar year
 * through the handler kit's `calendarClocks`: a running clock crossing a changed day is computed
 * again from its stored start, length and pauses; one that moved is stored, gets a timeline entry and a
 * Progressed `deadline-recomputed` report with the new deadline for work-order. Paused clocks are
 * computed again when they resume (DeadlinesService.resume).
 *
 * The return visit (回访) after closure follows too: an open visit is due `RETURN_VISIT_DUE_DAYS` calendar
 * days after the closure (last day off work → next working day, as ClosureService sets it); one that moved
 * is stored with a timeline entry. No report: the work order is resolved and the visit is legal aid's own.
 */
/** Open clock ids of return visits carry this prefix (the others are application deadline ids). */
const RETURN_VISIT = 'return-visit:';

@Injectable()
export class LegalAidClocks implements CalendarClocks {
  readonly name = 'legal-aid clocks';

  constructor(
    private readonly history: ApplicationHistoryService,
    private readonly env: LegalAidEnv,
  ) {}

  async find(manager: EntityManager): Promise<OpenClock[]> {
    const running = await manager.find(ApplicationDeadline, {
      select: { id: true, startedAt: true, dueAt: true },
      where: { status: 'running' },
    });
    const visits = await manager
      .createQueryBuilder(ReturnVisit, 'v')
      .innerJoin(Application, 'a', 'a.id = v.application_id')
      .select('v.id', 'id')
      .addSelect('a.closed_at', 'closedAt')
      .addSelect('v.due_at', 'dueAt')
      .where("v.status = 'open'")
      .andWhere('a.closed_at IS NOT NULL')
      .getRawMany<{ id: string; closedAt: Date; dueAt: Date }>();
    return [
      ...running.map((d) => ({ id: d.id, startAt: d.startedAt, dueAt: d.dueAt })),
      ...visits.map((v) => ({ id: `${RETURN_VISIT}${v.id}`, startAt: new Date(v.closedAt), dueAt: new Date(v.dueAt) })),
    ];
  }

  async recompute(manager: EntityManager, id: string): Promise<MovedClock | null> {
    if (id.startsWith(RETURN_VISIT)) return this.recomputeReturnVisit(manager, id.slice(RETURN_VISIT.length));
    const d = await manager.findOne(ApplicationDeadline, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!d || d.status !== 'running') return null;
    const clock = computeClock(d.kind, d.startedAt, d.days, d.pauses);
    const before = d.dueAt;
    if (clock.dueAt.getTime() === before.getTime()) return null;
    Object.assign(d, { dueAt: clock.dueAt, explanation: clock.explanation });
    await manager.save(d);
    const application = await manager.findOneByOrFail(Application, { id: d.applicationId });
    return {
      what: d.kind,
      before,
      after: clock.dueAt,
      record: (entry) => this.record(manager, d.applicationId, entry),
      report: { about: reportSubject(application), deadlines: [toContractDeadline(d)] },
    };
  }

  private async recomputeReturnVisit(manager: EntityManager, id: string): Promise<MovedClock | null> {
    const visit = await manager.findOne(ReturnVisit, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!visit || visit.status !== 'open') return null;
    const application = await manager.findOneByOrFail(Application, { id: visit.applicationId });
    if (!application.closedAt) return null;
    const due = addCalendarDaysLegal(application.closedAt, this.env.RETURN_VISIT_DUE_DAYS);
    const before = visit.dueAt;
    if (due.dueAt.getTime() === before.getTime()) return null;
    visit.dueAt = due.dueAt;
    await manager.save(visit);
    const record = (entry: RecomputedHistoryEntry) => this.record(manager, visit.applicationId, entry);
    return { what: 'return visit', before, after: due.dueAt, record, report: null };
  }

  /** The application's timeline entry for a recomputed clock (legal aid names the step `action`). */
  private record(manager: EntityManager, applicationId: string, entry: RecomputedHistoryEntry): Promise<void> {
    const { step, actorId, detail, at } = entry;
    return this.history.record(manager, { applicationId, at, actor: actorId, action: step, detail });
  }
}
