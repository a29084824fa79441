import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsoDate, shanghaiDateOf } from '@legal/domain';
import { HandlerReporter } from '@legal/handler-kit';
import { CalendarFollower } from '@legal/service-kit';
import type { CalendarYearApplied } from '@legal/service-kit';
import { DataSource } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import { HistoryService } from '../history/history.service';
import type { NotarizationOutcome, ProgressStep } from '../reports/notarization-reports';
import { certificateDeadline, computeCertificateClock } from './certificate-clock';

/** Who recomputes: the calendar, not a person. */
const CALENDAR_ACTOR = 'system:calendar';

/**
 * When this instance learns a loaded calendar year (service kit's CalendarFollower), every running
 * certificate clock whose period crosses a changed day is recomputed from its stored start and pauses;
 * a clock that moved gets a history entry and a Progressed report (step `deadline-recomputed`) with the
 * new deadline, so work-order's copy of the handler clock follows. Paused clocks are recomputed when
 * they resume (resumeClock computes the whole clock again). Every instance does this; the row lock and
 * the "did it move" check make the second instance a no-op.
 */
@Injectable()
export class CertificateClockRecompute implements OnModuleInit {
  private readonly logger = new Logger(CertificateClockRecompute.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly follower: CalendarFollower,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, NotarizationOutcome>,
  ) {}

  onModuleInit(): void {
    this.follower.onYearApplied(async (applied) => {
      await this.recompute(applied);
    });
  }

  /** Returns how many clocks moved. */
  async recompute(applied: CalendarYearApplied): Promise<number> {
    const changed = [...applied.changedDays].sort();
    if (changed.length === 0) return 0;
    const running = await this.dataSource.manager
      .createQueryBuilder(Application, 'a')
      .select(['a.id', 'a.submittedAt', 'a.clockDueAt'])
      .where("a.clockStatus = 'running'")
      .andWhere('a.submittedAt IS NOT NULL AND a.clockDueAt IS NOT NULL')
      .getMany();
    const crossing = running.filter((a) => crosses(changed, a.submittedAt as Date, a.clockDueAt as Date));
    let moved = 0;
    for (const { id } of crossing) {
      if (await this.recomputeOne(id, applied)) moved++;
    }
    if (moved > 0) this.logger.log({ msg: 'certificate clocks recomputed', year: applied.year, moved });
    return moved;
  }

  private recomputeOne(id: string, applied: CalendarYearApplied): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const app = await manager.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!app || app.clockStatus !== 'running' || !app.submittedAt || !app.clockDueAt) return false;
      const clock = computeCertificateClock(app.submittedAt, app.clockPauses);
      const before = app.clockDueAt;
      if (clock.dueAt.getTime() === before.getTime()) return false;
      Object.assign(app, { clockDueAt: clock.dueAt, clockExplanation: clock.explanation });
      await manager.save(app);
      const now = new Date();
      const detail =
        `Official holiday calendar ${applied.year} loaded (version ${applied.version}); certificate due ` +
        `${shanghaiDateOf(before)} → ${shanghaiDateOf(clock.dueAt)}`;
      const step = 'deadline-recomputed';
      await this.history.record(manager, { applicationId: app.id, step, actorId: CALENDAR_ACTOR, detail, at: now });
      await this.reports.progressed(manager, {
        about: app,
        step: 'deadline-recomputed',
        detail,
        deadlines: [certificateDeadline(clock.dueAt, clock.explanation, 'running')],
        actorId: CALENDAR_ACTOR,
        at: now,
      });
      return true;
    });
  }
}

/** Whether a changed day lies in the period after its start day up to its due day (Asia/Shanghai). */
function crosses(changed: readonly IsoDate[], startAt: Date, dueAt: Date): boolean {
  const from = shanghaiDateOf(startAt);
  const to = shanghaiDateOf(dueAt);
  return changed.some((day) => day > from && day <= to);
}
