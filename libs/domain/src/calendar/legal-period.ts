import {
  calendarCoverageWarnings,
  describeAdjusted,
  describeDue,
  describeHolidayDates,
  describeSkipped,
} from './deadline-explanation';
import { DeadlineComputation, DeadlineRule } from './deadline.types';
import { calendarDay } from './official-holiday-calendar';
import {
  addDays,
  endOfShanghaiDay,
  IsoDate,
  SHANGHAI_TIME_ZONE,
  shanghaiDateOf,
  shanghaiDateTimeOf,
} from './shanghai-date';

const HOUR_MS = 60 * 60 * 1000;
const MAX_DAYS = 3660;
const MAX_HOURS = MAX_DAYS * 24;
/** No official holiday run is this long; reaching it means the calendar data is broken. */
const MAX_NON_WORKING_RUN = 31;

function requireStart(start: Date): Date {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) {
    throw new RangeError('start must be a valid Date');
  }
  return new Date(start.getTime());
}

function requireCount(n: number, max: number, unit: string): void {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new RangeError(`${unit} must be an integer 1..${max}, got ${n}`);
  }
}

/** "a statutory holiday (National Day 国庆节)", "a rest day", … */
function dayKindPhrase(date: IsoDate): string {
  const day = calendarDay(date);
  const name = day.holiday ? `${day.holiday.en} ${day.holiday.zh}` : '';
  const kind = {
    'working-day': 'a working day',
    'adjusted-working-day': `an adjusted working day (调休${name ? ` for ${name}` : ''})`,
    'statutory-holiday': `a statutory holiday${name ? ` (${name})` : ''}`,
    'rest-day': 'a rest day',
  }[day.kind];
  return kind;
}

export function withWarnings(explanation: string, warnings: readonly string[]): string {
  return warnings.length === 0 ? explanation : `${explanation} Warning: ${warnings.join('; ')}.`;
}

/** The first working day on or after `date`, and the non-working days passed on the way. */
export function firstWorkingDayFrom(date: IsoDate): { day: IsoDate; skipped: IsoDate[] } {
  const skipped: IsoDate[] = [];
  let day = date;
  while (!calendarDay(day).working) {
    skipped.push(day);
    if (skipped.length > MAX_NON_WORKING_RUN) throw new Error(`no working day within a month after ${date}`);
    day = addDays(day, 1);
  }
  return { day, skipped };
}

/** Counts `n` working days after `after` (which is not counted). */
export function countWorkingDaysAfter(
  after: IsoDate,
  n: number,
): { last: IsoDate; skipped: IsoDate[]; adjusted: IsoDate[] } {
  const skipped: IsoDate[] = [];
  const adjusted: IsoDate[] = [];
  let day = after;
  for (let counted = 0; counted < n;) {
    const next = firstWorkingDayFrom(addDays(day, 1));
    skipped.push(...next.skipped);
    day = next.day;
    if (calendarDay(day).kind === 'adjusted-working-day') adjusted.push(day);
    counted++;
  }
  return { last: day, skipped, adjusted };
}

/** "Within N days": calendar days after the start day; a last day off work moves to the next working day. */
export function addCalendarDaysLegal(start: Date, n: number): DeadlineComputation {
  const startedAt = requireStart(start);
  requireCount(n, MAX_DAYS, 'calendar days');
  const startDate = shanghaiDateOf(startedAt);
  const nominalDueDate = addDays(startDate, n);
  const { day: dueDate, skipped } = firstWorkingDayFrom(nominalDueDate);
  const adjustedWorkdays = calendarDay(dueDate).kind === 'adjusted-working-day' ? [dueDate] : [];
  const warnings = calendarCoverageWarnings(startDate, dueDate);
  let ending = `the last day, ${nominalDueDate}, is ${dayKindPhrase(nominalDueDate)}`;
  if (skipped.length > 0) {
    const dueKind = adjustedWorkdays.length > 0 ? `, ${dayKindPhrase(dueDate)}` : '';
    ending +=
      `, so the period ends on the first working day after it, ${dueDate}${dueKind}; ` +
      `skipped ${describeHolidayDates(skipped)}`;
  }
  return {
    rule: 'calendar-days',
    n,
    startedAt,
    startDate,
    dueAt: endOfShanghaiDay(dueDate),
    dueDate,
    nominalDueDate,
    skipped,
    adjustedWorkdays,
    warnings,
    pauses: [],
    explanation: withWarnings(
      `${n} calendar days from ${startDate}, start day not counted: ${ending}; ${describeDue(dueDate)}.`,
      warnings,
    ),
  };
}

/** "Within N working days": only working days per the official calendar count, adjusted weekends included. */
export function addWorkingDays(start: Date, n: number): DeadlineComputation {
  const startedAt = requireStart(start);
  requireCount(n, MAX_DAYS, 'working days');
  const startDate = shanghaiDateOf(startedAt);
  const { last: dueDate, skipped, adjusted } = countWorkingDaysAfter(startDate, n);
  const details = [describeSkipped(skipped), describeAdjusted(adjusted)].filter((d) => d !== undefined);
  const warnings = calendarCoverageWarnings(startDate, dueDate);
  return {
    rule: 'working-days',
    n,
    startedAt,
    startDate,
    dueAt: endOfShanghaiDay(dueDate),
    dueDate,
    nominalDueDate: dueDate,
    skipped,
    adjustedWorkdays: adjusted,
    warnings,
    pauses: [],
    explanation: withWarnings(
      `${n} working days from ${startDate}, start day not counted, ${details.join(', ')}; ` +
        `${describeDue(dueDate)}.`,
      warnings,
    ),
  };
}

/** "Within N hours": counting begins at the first full hour after the start; holidays do not extend it. */
export function addHours(start: Date, n: number): DeadlineComputation {
  const startedAt = requireStart(start);
  requireCount(n, MAX_HOURS, 'hours');
  // Asia/Shanghai is a whole number of hours from UTC, so the UTC hour boundary is the local one.
  const countingFrom = new Date(Math.floor(startedAt.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  const dueAt = new Date(countingFrom.getTime() + n * HOUR_MS);
  const dueDate = shanghaiDateOf(dueAt);
  return {
    rule: 'hours',
    n,
    startedAt,
    startDate: shanghaiDateOf(startedAt),
    dueAt,
    dueDate,
    nominalDueDate: dueDate,
    skipped: [],
    adjustedWorkdays: [],
    warnings: [],
    pauses: [],
    explanation:
      `${n} hours from ${shanghaiDateTimeOf(startedAt)} ${SHANGHAI_TIME_ZONE}, starting hour not counted ` +
      `(counting from ${shanghaiDateTimeOf(countingFrom)}), holidays do not extend hour periods; ` +
      `due ${shanghaiDateTimeOf(dueAt)} ${SHANGHAI_TIME_ZONE}.`,
  };
}

/** Dispatches on the rule, for deadlines configured as data (see the service catalogue). */
export function computeDeadline(rule: DeadlineRule, start: Date, n: number): DeadlineComputation {
  switch (rule) {
    case 'calendar-days':
      return addCalendarDaysLegal(start, n);
    case 'working-days':
      return addWorkingDays(start, n);
    case 'hours':
      return addHours(start, n);
  }
}
