import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dayOfWeek, IsoDate, isIsoDate } from './shanghai-date';

/**
 * China's official working-day calendar: the State Council's yearly holiday notices, including the
 * weekend days turned into working days (调休), as published by the `chinese-days` package.
 *
 * The package's functions (isWorkday, getDayDetail, …) build their tables through the process's local
 * time zone and are off by one day when TZ is west of UTC (America/*). This adapter therefore reads the
 * package's prebuilt `dist/chinese-days.json` (date-keyed strings, zone-free) and applies the same rule
 * as `isWorkday`: a listed working day, or Monday-Friday that is not a listed holiday. The spec checks
 * that both agree for every date the package covers.
 */
export type DayKind = 'working-day' | 'adjusted-working-day' | 'statutory-holiday' | 'rest-day';

export interface HolidayName {
  readonly en: string;
  readonly zh: string;
}

export interface CalendarDay {
  readonly date: IsoDate;
  readonly kind: DayKind;
  readonly working: boolean;
  /** The holiday this day belongs to, or for an adjusted working day the holiday it makes up for. */
  readonly holiday: HolidayName | undefined;
}

interface OfficialTables {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

const days = new Map<IsoDate, CalendarDay>();
const yearsWithData = new Map<number, boolean>();
let tables: OfficialTables | undefined;

function isStringTable(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

function officialTables(): OfficialTables {
  if (tables) return tables;
  const file = join(dirname(require.resolve('chinese-days/package.json')), 'dist', 'chinese-days.json');
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const { holidays, workdays } = (parsed ?? {}) as Record<string, unknown>;
  if (!isStringTable(holidays) || !isStringTable(workdays)) {
    throw new Error('chinese-days/dist/chinese-days.json does not have the expected holidays/workdays tables');
  }
  tables = { holidays, workdays };
  return tables;
}

/** chinese-days names official days "National Day,国庆节,3" (English, Chinese, holiday number). */
function holidayName(name: string): HolidayName | undefined {
  const [en, zh] = name.split(',');
  return zh === undefined || en === undefined ? undefined : { en, zh };
}

export function calendarDay(date: IsoDate): CalendarDay {
  const cached = days.get(date);
  if (cached) return cached;
  if (!isIsoDate(date)) throw new RangeError(`'${date}' is not a real YYYY-MM-DD date`);
  const { holidays, workdays } = officialTables();
  const weekend = [0, 6].includes(dayOfWeek(date));
  const worked = workdays[date];
  const holidayEntry = holidays[date];
  let kind: DayKind;
  if (worked !== undefined) kind = weekend ? 'adjusted-working-day' : 'working-day';
  else if (holidayEntry !== undefined) kind = 'statutory-holiday';
  else kind = weekend ? 'rest-day' : 'working-day';
  const holiday = holidayName(worked ?? holidayEntry ?? '');
  const day: CalendarDay = { date, kind, working: kind.endsWith('working-day'), holiday };
  days.set(date, day);
  return day;
}

export function isWorkingDay(date: IsoDate): boolean {
  return calendarDay(date).working;
}

/**
 * Whether chinese-days has the State Council's holiday notice for `year`. 1 January is a statutory
 * holiday in every published year, so its absence means the year is not covered and only weekends
 * would be treated as rest days.
 */
export function hasOfficialCalendar(year: number): boolean {
  const known = yearsWithData.get(year);
  if (known !== undefined) return known;
  const covered = calendarDay(`${String(year).padStart(4, '0')}-01-01`).kind === 'statutory-holiday';
  yearsWithData.set(year, covered);
  return covered;
}
