import { calendarDay, hasOfficialCalendar } from './official-holiday-calendar';
import { addDays, IsoDate, SHANGHAI_TIME_ZONE } from './shanghai-date';

/** Collapses sorted dates into runs: 2026-10-01..2026-10-07, 2026-10-11. */
export function formatDateRuns(dates: readonly IsoDate[]): string {
  const runs: string[] = [];
  let first: IsoDate | undefined;
  let last: IsoDate | undefined;
  const flush = (): void => {
    if (first !== undefined && last !== undefined) runs.push(first === last ? first : `${first}..${last}`);
  };
  for (const date of dates) {
    if (last !== undefined && addDays(last, 1) === date) last = date;
    else {
      flush();
      first = date;
      last = date;
    }
  }
  flush();
  return runs.join(', ');
}

function holidayLabel(date: IsoDate): string {
  const holiday = calendarDay(date).holiday;
  return holiday ? `${holiday.en} ${holiday.zh}` : 'weekend';
}

/** Dates grouped by the holiday they belong to, e.g. "2026-10-01..2026-10-07 (National Day 国庆节)". */
export function describeHolidayDates(dates: readonly IsoDate[]): string {
  const groups = new Map<string, IsoDate[]>();
  for (const date of dates) {
    const label = holidayLabel(date);
    groups.set(label, [...(groups.get(label) ?? []), date]);
  }
  return [...groups].map(([label, list]) => `${formatDateRuns(list)} (${label})`).join(', ');
}

/**
 * What was skipped: statutory holidays by name and dates, plain weekend rest days as a count
 * (listing every weekend of a long period would hide the holidays).
 */
export function describeSkipped(skipped: readonly IsoDate[]): string {
  const holidays = skipped.filter((d) => calendarDay(d).kind === 'statutory-holiday');
  const restDays = skipped.length - holidays.length;
  const parts: string[] = [];
  if (holidays.length > 0) parts.push(`holidays ${describeHolidayDates(holidays)}`);
  if (restDays > 0) parts.push(`${restDays} weekend rest day${restDays === 1 ? '' : 's'}`);
  return parts.length > 0 ? `skipped ${parts.join(' and ')}` : 'no non-working days skipped';
}

export function describeAdjusted(adjusted: readonly IsoDate[]): string | undefined {
  if (adjusted.length === 0) return undefined;
  const noun = adjusted.length === 1 ? 'day' : 'days';
  return `counted adjusted working ${noun} ${describeHolidayDates(adjusted)}`;
}

export function describeDue(dueDate: IsoDate): string {
  return `due ${dueDate} 23:59:59 ${SHANGHAI_TIME_ZONE}`;
}

/** Warnings for the years between two dates that have no State Council holiday notice yet. */
export function calendarCoverageWarnings(from: IsoDate, to: IsoDate): string[] {
  const warnings: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (!hasOfficialCalendar(year)) {
      warnings.push(
        `no official holiday calendar for ${year} yet (chinese-days); only weekends were treated as rest days ` +
          '— recomputed when the State Council notice is loaded (POST /admin/calendar/years/{year} on work-order)',
      );
    }
  }
  return warnings;
}
