import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CalendarYearLoaded } from '@legal/contracts';
import {
  addDays,
  calendarDay,
  DayKind,
  endOfShanghaiDay,
  IsoDate,
  loadedYearNotice,
  loadOfficialYear,
  NoticeDay,
  OfficialYearNotice,
  shanghaiDateOf,
  startOfShanghaiDay,
  unloadOfficialYear,
  validateYearNotice,
} from '@legal/domain';
import { HealthRegistry } from '@legal/health';
import { InvalidInputError } from '@legal/http';
import { Outbox } from '@legal/messaging';
import { DataSource, EntityManager, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { Actor } from '../common/actor';
import { DeadlineService } from '../sla/deadline.service';
import { DeadlineEntity } from '../sla/entities/deadline.entity';
import { lockWorkOrder } from '../work-orders/work-order-locks';
import { WorkOrderRecorder } from '../work-orders/work-order-recorder.service';
import { calendarReadiness } from './calendar-readiness';
import { CalendarYearChanges, CalendarYearVersionEntity } from './entities/calendar-year-version.entity';

export interface YearNoticeLoad {
  year: number;
  holidays: NoticeDay[];
  workdays: NoticeDay[];
  source: string;
  actor: Actor;
}

function yearDates(year: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) dates.push(d);
  return dates;
}

function kindsOf(year: number): Map<IsoDate, DayKind> {
  return new Map(yearDates(year).map((d) => [d, calendarDay(d).kind]));
}

/**
 * Calendar administration: an administrator loads a year's State Council holiday notice; each load is
 * a new version (audited: who, when, what changed) stored in PostgreSQL and made the calendar of its
 * year in this process (`loadOfficialYear` in @legal/domain, ahead of the package). Every open
 * statutory deadline whose period crosses a changed day is recomputed, with a timeline entry and the
 * usual WorkOrderChanged. The load is announced (CalendarYearLoaded, in the load's transaction) on the
 * compacted `legal.calendar` topic, which every instance of work-order follows like every other service
 * (service-kit's CalendarFollower, from the beginning at start-up): a restart or another instance
 * applies the year from the topic, never from a periodic query. A load itself starts from the newest
 * stored version of its year (read under the year's lock), so versions and their diffs stay consecutive
 * even when this instance's follower has not yet applied a load made through another instance.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private readonly logger = new Logger(CalendarService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly deadlines: DeadlineService,
    private readonly recorder: WorkOrderRecorder,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('calendar', async () => {
      const r = calendarReadiness();
      const warning = r.warning ? { warning: r.warning } : {};
      return { up: true, detail: { nextYear: r.nextYear, source: r.nextYearSource, ...warning } };
    });
  }

  async history(year: number): Promise<CalendarYearVersionEntity[]> {
    return this.dataSource.manager.find(CalendarYearVersionEntity, { where: { year }, order: { version: 'DESC' } });
  }

  async load(request: YearNoticeLoad): Promise<CalendarYearVersionEntity> {
    const { year, holidays, workdays, source, actor } = request;
    const problems = validateYearNotice({ year, holidays, workdays });
    if (problems.length > 0) {
      throw new InvalidInputError(problems.map((p) => ({ field: p.field, messages: [p.message], codes: [p.code] })));
    }
    return this.dataSource.transaction(async (manager) => {
      // One load of a year at a time: versions are consecutive and each diff is against the one before.
      await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [0x63616c, year]);
      const latest = await manager.findOne(CalendarYearVersionEntity, { where: { year }, order: { version: 'DESC' } });
      const version = (latest?.version ?? 0) + 1;
      // The version before this one, even if this instance's follower has not applied it yet (newest wins).
      if (latest)
        loadOfficialYear({ year, version: latest.version, holidays: latest.holidays, workdays: latest.workdays });
      const previous = loadedYearNotice(year);
      const before = kindsOf(year);
      const notice: OfficialYearNotice = { year, version, holidays, workdays };
      const changedDays = loadOfficialYear(notice);
      try {
        const after = kindsOf(year);
        const diff = (kind: DayKind, from: Map<IsoDate, DayKind>, to: Map<IsoDate, DayKind>): string[] =>
          [...to].filter(([d, k]) => k === kind && from.get(d) !== kind).map(([d]) => d);
        const recomputed = await this.recomputeCrossing(manager, { changedDays, actor, year, version });
        const changes: CalendarYearChanges = {
          changedDays,
          holidaysAdded: diff('statutory-holiday', before, after),
          holidaysRemoved: diff('statutory-holiday', after, before),
          workdaysAdded: diff('adjusted-working-day', before, after),
          workdaysRemoved: diff('adjusted-working-day', after, before),
          deadlinesRecomputed: recomputed,
        };
        const row = manager.create(CalendarYearVersionEntity, {
          year,
          version,
          holidays,
          workdays,
          source,
          loadedBy: (actor.id ?? actor.role).slice(0, 64),
          loadedAt: new Date(),
          changes,
        });
        await manager.insert(CalendarYearVersionEntity, row);
        const loadedAt = row.loadedAt.toISOString();
        const data = { year, version, holidays, workdays, changedDays, loadedBy: row.loadedBy, loadedAt };
        await this.outbox.publish(manager, CalendarYearLoaded, data, { subject: `calendar-${year}` });
        this.logger.log({ msg: 'calendar year loaded', year, version, changedDays: changedDays.length, recomputed });
        return row;
      } catch (err) {
        unloadOfficialYear(year);
        if (previous) loadOfficialYear(previous);
        throw err;
      }
    });
  }

  /**
   * Recomputes every open statutory deadline whose period (start to due date) crosses a changed day;
   * each work order whose clocks moved gets one timeline entry (and so one WorkOrderChanged).
   */
  private async recomputeCrossing(
    manager: EntityManager,
    load: { changedDays: IsoDate[]; actor: Actor; year: number; version: number },
  ): Promise<number> {
    const { changedDays, actor, year, version } = load;
    if (changedDays.length === 0) return 0;
    const sorted = [...changedDays].sort();
    const first = startOfShanghaiDay(sorted[0] ?? `${year}-01-01`);
    const last = endOfShanghaiDay(sorted[sorted.length - 1] ?? `${year}-12-31`);
    const crossing = await manager.find(DeadlineEntity, {
      where: { status: In(['running', 'paused']), startAt: LessThanOrEqual(last), dueAt: MoreThanOrEqual(first) },
      order: { workOrderId: 'ASC' },
    });
    const changedSet = new Set(changedDays);
    let recomputed = 0;
    for (const workOrderId of new Set(crossing.map((d) => d.workOrderId))) {
      const wo = await lockWorkOrder(manager, workOrderId);
      if (!wo) continue;
      const moved = await this.deadlines.recomputeForCalendar(manager, wo, (d) => {
        const from = shanghaiDateOf(d.startAt);
        const to = shanghaiDateOf(d.dueAt);
        return [...changedSet].some((day) => day > from && day <= to);
      });
      if (moved.length === 0) continue;
      recomputed += moved.length;
      const note =
        `Official holiday calendar ${year} loaded (version ${version}); recomputed: ` +
        moved.map((m) => `${m.kind} due ${m.before} → ${m.after}`).join('; ');
      await this.recorder.record(manager, wo, {
        action: 'deadlines-recomputed',
        actor,
        note,
        data: { calendarYear: year, calendarVersion: version, deadlines: moved },
      });
    }
    return recomputed;
  }
}
