import type { NoticeDay } from './official-holiday-calendar';
import { dayOfWeek, IsoDate, isIsoDate } from './shanghai-date';

/** A notice as submitted, before it has a version. */
export interface YearNoticeInput {
  readonly year: number;
  readonly holidays: readonly NoticeDay[];
  readonly workdays: readonly NoticeDay[];
}

export interface NoticeProblem {
  readonly field: string;
  readonly message: string;
  readonly code: string;
}

/**
 * Checks a State Council holiday notice before it is loaded: every date real and inside the year, each
 * listed once, no day both a holiday and an adjusted working day, adjusted working days (调休) on a
 * Saturday or Sunday only, every day named (the holiday it belongs to or makes up for), at least
 * 1 January among the holidays (every notice has 元旦; its absence means the list is incomplete).
 */
export function validateYearNotice(notice: YearNoticeInput): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const { year } = notice;
  if (!Number.isInteger(year) || year < 2000 || year > 2200) {
    return [{ field: 'year', message: `year must be an integer 2000..2200, got ${year}`, code: 'year' }];
  }
  const seen = new Map<IsoDate, string>();
  const check = (list: readonly NoticeDay[], field: 'holidays' | 'workdays'): void => {
    list.forEach((day, i) => {
      const at = `${field}[${i}]`;
      if (!isIsoDate(day.date)) {
        problems.push({ field: `${at}.date`, message: `'${day.date}' is not a real YYYY-MM-DD date`, code: 'date' });
        return;
      }
      if (!day.date.startsWith(`${year}-`)) {
        problems.push({ field: `${at}.date`, message: `${day.date} is not in ${year}`, code: 'inYear' });
      }
      const earlier = seen.get(day.date);
      if (earlier !== undefined) {
        const both = earlier !== field;
        problems.push({
          field: `${at}.date`,
          message: both ? `${day.date} is both a holiday and an adjusted working day` : `${day.date} is listed twice`,
          code: both ? 'holidayAndWorkday' : 'unique',
        });
      }
      seen.set(day.date, field);
      if (field === 'workdays' && ![0, 6].includes(dayOfWeek(day.date))) {
        problems.push({
          field: `${at}.date`,
          message: `${day.date} is a weekday; an adjusted working day (调休) is a Saturday or Sunday`,
          code: 'weekendOnly',
        });
      }
      if (day.name.zh.trim() === '' || day.name.en.trim() === '') {
        problems.push({ field: `${at}.name`, message: `${day.date} needs the holiday's name`, code: 'named' });
      }
    });
  };
  check(notice.holidays, 'holidays');
  check(notice.workdays, 'workdays');
  if (!notice.holidays.some((h) => h.date === `${year}-01-01`)) {
    const message = `${year}-01-01 (元旦) is missing: the notice looks incomplete`;
    problems.push({ field: 'holidays', message, code: 'newYear' });
  }
  return problems;
}
