import { officialCalendarSource, shanghaiDateOf } from '@legal/domain';

export interface CalendarReadiness {
  /** Set from 1 December (Asia/Shanghai) while next year has no official notice. */
  warning?: string;
  nextYear: number;
  nextYearSource: 'loaded' | 'package' | 'none';
}

/** Whether next year's notice is missing from 1 December on (the gauge and readiness say so). */
export function calendarReadiness(now: Date = new Date()): CalendarReadiness {
  const today = shanghaiDateOf(now);
  const nextYear = Number(today.slice(0, 4)) + 1;
  const nextYearSource = officialCalendarSource(nextYear);
  const december = today.slice(5, 7) === '12';
  if (!december || nextYearSource !== 'none') return { nextYear, nextYearSource };
  const warning =
    `no official holiday calendar for ${nextYear}: deadlines running into it count weekends only; ` +
    `load the State Council notice with POST /admin/calendar/years/${nextYear}`;
  return { nextYear, nextYearSource, warning };
}
