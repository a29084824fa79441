import { IsoDate, shanghaiDateOf } from '@legal/domain';
import type { CalendarYearApplied } from '@legal/service-kit';
import type { DataSource, EntityManager } from 'typeorm';

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
   * its stored inputs, and when the due time moved save it, record the history entry and the Progressed
   * report. Returns whether it moved (false for a second instance that finds it already recomputed).
   */
  recompute(manager: EntityManager, id: string, applied: CalendarYearApplied): Promise<boolean>;
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

/**
 * One run over a handler's clocks for a year just applied: every open clock whose period crosses a changed
 * day is recomputed in its own transaction by the handler's `recompute` (row lock, history, report).
 * Every instance runs it; the lock and the "did it move" check make the second instance a no-op.
 * Returns how many clocks moved.
 */
export async function recomputeCrossingClocks(
  dataSource: DataSource,
  clocks: CalendarClocks,
  applied: CalendarYearApplied,
): Promise<number> {
  const changed = [...applied.changedDays].sort();
  if (changed.length === 0) return 0;
  const open = await clocks.find(dataSource.manager);
  const crossing = open.filter((c) => crossesChangedDay(changed, c.startAt, c.dueAt));
  let moved = 0;
  for (const { id } of crossing) {
    const didMove = await dataSource.transaction((manager) => clocks.recompute(manager, id, applied));
    if (didMove) moved++;
  }
  return moved;
}
