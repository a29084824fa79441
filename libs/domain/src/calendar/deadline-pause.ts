import { calendarCoverageWarnings, describeDue, describeHolidayDates, formatDateRuns } from './deadline-explanation';
import { DeadlineComputation, DeadlinePause, PauseInterval } from './deadline.types';
import { calendarDay } from './official-holiday-calendar';
import { countWorkingDaysAfter, firstWorkingDayFrom, withWarnings } from './legal-period';
import {
  addDays,
  daysBetween,
  endOfShanghaiDay,
  IsoDate,
  SHANGHAI_TIME_ZONE,
  shanghaiDateOf,
  shanghaiDateTimeOf,
} from './shanghai-date';

const HOUR_MS = 60 * 60 * 1000;

function requireInterval(computation: DeadlineComputation, pause: PauseInterval): void {
  const valid = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());
  if (!valid(pause.pausedAt) || !valid(pause.resumedAt)) {
    throw new RangeError('pausedAt and resumedAt must be valid Dates');
  }
  const paused = pause.pausedAt.getTime();
  const resumed = pause.resumedAt.getTime();
  if (resumed < paused) throw new RangeError('resumedAt is before pausedAt');
  if (paused < computation.startedAt.getTime()) throw new RangeError('the pause starts before the period started');
  if (paused > computation.dueAt.getTime()) throw new RangeError('the pause starts after the deadline had passed');
}

/** Days after the pause day up to and including the resume day: the days the clock did not run on. */
function daysAfterUntil(pausedDate: IsoDate, resumedDate: IsoDate): IsoDate[] {
  return Array.from({ length: daysBetween(pausedDate, resumedDate) }, (_, i) => addDays(pausedDate, i + 1));
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}

function unique(dates: readonly IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort();
}

/**
 * Moves a deadline for a period during which its clock was stopped (e.g. waiting for the applicant's
 * missing materials). The pause day counts as elapsed and the resume day as the new, uncounted start
 * day, so the consumed days are those after the pause day up to and including the resume day:
 * - working-days: the working days among them are added, counted forward from the old due date;
 * - calendar-days: their number is added to the nominal last day, which is then moved off holidays again;
 * - hours: the exact paused duration is added.
 * Returns a new computation; pauses accumulate in `pauses` and in the explanation.
 */
export function applyDeadlinePause(computation: DeadlineComputation, pause: PauseInterval): DeadlineComputation {
  requireInterval(computation, pause);
  const interval: NormalizedPause = {
    pausedAt: new Date(pause.pausedAt.getTime()),
    resumedAt: new Date(pause.resumedAt.getTime()),
    window: `${shanghaiDateTimeOf(pause.pausedAt)} to ${shanghaiDateTimeOf(pause.resumedAt)} ${SHANGHAI_TIME_ZONE}`,
    calendarDays: daysAfterUntil(shanghaiDateOf(pause.pausedAt), shanghaiDateOf(pause.resumedAt)),
  };
  switch (computation.rule) {
    case 'hours':
      return pauseHours(computation, interval);
    case 'working-days':
      return pauseWorkingDays(computation, interval);
    case 'calendar-days':
      return pauseCalendarDays(computation, interval);
  }
}

interface NormalizedPause {
  readonly pausedAt: Date;
  readonly resumedAt: Date;
  /** "2026-09-29 09:00 to 2026-10-09 15:00 Asia/Shanghai" */
  readonly window: string;
  readonly calendarDays: IsoDate[];
}

function pauseHours(computation: DeadlineComputation, pause: NormalizedPause): DeadlineComputation {
  const { pausedAt, resumedAt, window, calendarDays } = pause;
  const ms = resumedAt.getTime() - pausedAt.getTime();
  const dueAt = new Date(computation.dueAt.getTime() + ms);
  const hours = ms / HOUR_MS;
  const record: DeadlinePause = { pausedAt, resumedAt, consumed: hours, consumedDays: calendarDays };
  return {
    ...computation,
    dueAt,
    dueDate: shanghaiDateOf(dueAt),
    nominalDueDate: shanghaiDateOf(dueAt),
    pauses: [...computation.pauses, record],
    explanation:
      `${computation.explanation} Paused ${window} (${Number(hours.toFixed(2))} hours); ` +
      `due moved to ${shanghaiDateTimeOf(dueAt)} ${SHANGHAI_TIME_ZONE}.`,
  };
}

function pauseWorkingDays(computation: DeadlineComputation, pause: NormalizedPause): DeadlineComputation {
  const { pausedAt, resumedAt, window, calendarDays } = pause;
  const consumedDays = calendarDays.filter((d) => calendarDay(d).working);
  const count = consumedDays.length;
  const dueDate = count === 0 ? computation.dueDate : countWorkingDaysAfter(computation.dueDate, count).last;
  const pauses = [...computation.pauses, { pausedAt, resumedAt, consumed: count, consumedDays }];
  const notCounted = new Set(pauses.flatMap((p) => p.consumedDays));
  const period = daysAfterUntil(computation.startDate, dueDate).map(calendarDay);
  const warnings = unique([...computation.warnings, ...calendarCoverageWarnings(computation.dueDate, dueDate)]);
  const consumedText =
    count === 0 ? 'no working days' : `${count} working day${plural(count)} (${formatDateRuns(consumedDays)})`;
  return {
    ...computation,
    dueAt: endOfShanghaiDay(dueDate),
    dueDate,
    nominalDueDate: dueDate,
    skipped: period.filter((d) => !d.working).map((d) => d.date),
    adjustedWorkdays: period
      .filter((d) => d.kind === 'adjusted-working-day' && !notCounted.has(d.date))
      .map((d) => d.date),
    warnings,
    pauses,
    explanation: withWarnings(
      `${computation.explanation} Paused ${window}: ${consumedText} consumed, ` +
        `added after ${computation.dueDate}; ${describeDue(dueDate)}.`,
      warnings.filter((w) => !computation.warnings.includes(w)),
    ),
  };
}

function pauseCalendarDays(computation: DeadlineComputation, pause: NormalizedPause): DeadlineComputation {
  const { pausedAt, resumedAt, window, calendarDays } = pause;
  const consumed = calendarDays.length;
  const nominalDueDate = addDays(computation.nominalDueDate, consumed);
  const { day: dueDate, skipped } = firstWorkingDayFrom(nominalDueDate);
  const warnings = unique([...computation.warnings, ...calendarCoverageWarnings(computation.dueDate, dueDate)]);
  const moved =
    skipped.length === 0
      ? ''
      : `, a non-working day, so it ends on ${dueDate} (skipped ${describeHolidayDates(skipped)})`;
  return {
    ...computation,
    dueAt: endOfShanghaiDay(dueDate),
    dueDate,
    nominalDueDate,
    skipped,
    adjustedWorkdays: calendarDay(dueDate).kind === 'adjusted-working-day' ? [dueDate] : [],
    warnings,
    pauses: [...computation.pauses, { pausedAt, resumedAt, consumed, consumedDays: calendarDays }],
    explanation: withWarnings(
      `${computation.explanation} Paused ${window}: ${consumed} calendar day${plural(consumed)} consumed, ` +
        `the last day moves from ${computation.nominalDueDate} to ${nominalDueDate}${moved}; ${describeDue(dueDate)}.`,
      warnings.filter((w) => !computation.warnings.includes(w)),
    ),
  };
}
