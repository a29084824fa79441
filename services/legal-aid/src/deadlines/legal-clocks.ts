import { Injectable } from '@nestjs/common';
import {
  CALENDAR_ACTOR,
  CalendarClocks,
  DEADLINE_RECOMPUTED_STEP,
  HandlerReporter,
  OpenClock,
  recomputedDetail,
} from '@legal/handler-kit';
import type { CalendarYearApplied } from '@legal/service-kit';
import { EntityManager } from 'typeorm';
import { ApplicationHistoryService } from '../applications/application-history.service';
import { Application } from '../applications/entities/application.entity';
import { reportSubject } from '../applications/report-subject';
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
 */
@Injectable()
export class LegalAidClocks implements CalendarClocks {
  readonly name = 'legal-aid clocks';

  constructor(
    private readonly history: ApplicationHistoryService,
    private readonly reports: HandlerReporter,
  ) {}

  async find(manager: EntityManager): Promise<OpenClock[]> {
    const running = await manager.find(ApplicationDeadline, {
      select: { id: true, startedAt: true, dueAt: true },
      where: { status: 'running' },
    });
    return running.map((d) => ({ id: d.id, startAt: d.startedAt, dueAt: d.dueAt }));
  }

  async recompute(manager: EntityManager, id: string, applied: CalendarYearApplied): Promise<boolean> {
    const d = await manager.findOne(ApplicationDeadline, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!d || d.status !== 'running') return false;
    const clock = computeClock(d.kind, d.startedAt, d.days, d.pauses);
    const before = d.dueAt;
    if (clock.dueAt.getTime() === before.getTime()) return false;
    Object.assign(d, { dueAt: clock.dueAt, explanation: clock.explanation });
    await manager.save(d);
    const application = await manager.findOneByOrFail(Application, { id: d.applicationId });
    const now = new Date();
    const detail = recomputedDetail(applied, d.kind, before, clock.dueAt);
    const action = DEADLINE_RECOMPUTED_STEP;
    const entry = { applicationId: d.applicationId, at: now, actor: CALENDAR_ACTOR, action, detail };
    await this.history.record(manager, entry);
    await this.reports.progressed(manager, {
      about: reportSubject(application),
      step: action,
      detail,
      deadlines: [toContractDeadline(d)],
      actorId: CALENDAR_ACTOR,
      at: now,
    });
    return true;
  }
}
