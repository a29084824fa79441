import type { Deadline } from '@legal/contracts';
import { IsoDate, shanghaiDateOf } from '@legal/domain';
import type { CalendarYearApplied } from '@legal/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { HandlerReporter, ReportSubject } from '../reports/handler-reporter';

/** Who recomputes a clock after a calendar load: the calendar, not a person. */
export const CALENDAR_ACTOR = 'system:calendar';

/** The progress step a handler reports when a loaded calendar moved one of its clocks. */
export const DEADLINE_RECOMPUTED_STEP = 'deadline-recomputed';

/** An open clock as the handler stores it: its start and its current due time. */
export interface OpenClock {
  id: string;
  startAt: Date;
  dueAt: Date;
}

/**
 * A handler's open clocks, as the kit follows a loaded calendar year for it (`HandlerKitModule.forHandler`'s
 * `calendarClocks`): an injectable class with the handler's two callbacks. The kit finds the clocks that
 * cross a changed day and calls `recompute` for each in its own transaction.
 */
export interface CalendarClocks {
  /** Names the clocks in logs ("certificate clocks", "mediation terms"). */
  readonly name: string;
  /** Every open clock (running, not paused) with its start and due time; a cheap unlocked read. */
  find(manager: EntityManager): Promise<OpenClock[]>;
  /**
   * Within the kit's transaction: lock the row, check it is still open, compute the clock again from
   * its stored inputs, and when the due time moved save it and return what moved; the kit then writes
   * the history entry and the Progressed report (`announceRecomputed`). Null when it did not move (also
   * for a second instance that finds it already recomputed).
   */
  recompute(manager: EntityManager, id: string): Promise<MovedClock | null>;
}

/** Whether a changed day lies after the clock's start day and up to its due day (Asia/Shanghai days). */
export function crossesChangedDay(changed: readonly IsoDate[], startAt: Date, dueAt: Date): boolean {
  const from = shanghaiDateOf(startAt);
  const to = shanghaiDateOf(dueAt);
  return changed.some((day) => day > from && day <= to);
}

/** The history/report text every handler uses for a recomputed clock. */
export function recomputedDetail(applied: CalendarYearApplied, what: string, before: Date, after: Date): string {
  return (
    `Official holiday calendar ${applied.year} loaded (version ${applied.version}); ${what} due ` +
    `${shanghaiDateOf(before)} → ${shanghaiDateOf(after)}`
  );
}

/** The history entry of a recomputed clock, for the handler to store in its own history. */
export interface RecomputedHistoryEntry {
  step: typeof DEADLINE_RECOMPUTED_STEP;
  actorId: typeof CALENDAR_ACTOR;
  detail: string;
  at: Date;
}

/** A clock the handler's `recompute` has just moved and saved, for the kit to record and report. */
export interface MovedClock {
  /** The clock as the detail names it ("certificate", "mediation term"). */
  what: string;
  before: Date;
  after: Date;
  /** Writes the handler's own history entry (in the kit's transaction) from these fields. */
  record(entry: RecomputedHistoryEntry): Promise<unknown>;
  /** What the Progressed report is about and the new deadlines; null for a clock work-order does not follow. */
  report: { about: ReportSubject; deadlines: Deadline[] } | null;
}

/**
 * What follows a moved clock, in the transaction of its recompute: one detail and one time for the
 * handler's history entry (recorded first) and the Progressed `deadline-recomputed` report by the calendar.
 */
export async function announceRecomputed(
  manager: EntityManager,
  reports: HandlerReporter,
  applied: CalendarYearApplied,
  moved: MovedClock,
): Promise<void> {
  const at = new Date();
  const detail = recomputedDetail(applied, moved.what, moved.before, moved.after);
  const step = DEADLINE_RECOMPUTED_STEP;
  await moved.record({ step, actorId: CALENDAR_ACTOR, detail, at });
  if (!moved.report) return;
  const { about, deadlines } = moved.report;
  await reports.progressed(manager, { about, step, detail, deadlines, actorId: CALENDAR_ACTOR, at });
}

/**
 * One run over a handler's clocks for a year just applied: every open clock whose period crosses a changed
 * day is recomputed in its own transaction by the handler's `recompute` (row lock) and, when it moved,
 * announced there (history, report).
 * Every instance runs it; the lock and the "did it move" check make the second instance a no-op.
 * Returns how many clocks moved.
 */
export async function recomputeCrossingClocks(
  dataSource: DataSource,
  clocks: CalendarClocks,
  applied: CalendarYearApplied,
  reports: HandlerReporter,
): Promise<number> {
  const changed = [...applied.changedDays].sort();
  if (changed.length === 0) return 0;
  const open = await clocks.find(dataSource.manager);
  const crossing = open.filter((c) => crossesChangedDay(changed, c.startAt, c.dueAt));
  let moved = 0;
  for (const { id } of crossing) {
    const didMove = await dataSource.transaction(async (manager) => {
      const clock = await clocks.recompute(manager, id);
      if (clock) await announceRecomputed(manager, reports, applied, clock);
      return clock !== null;
    });
    if (didMove) moved++;
  }
  return moved;
}
