import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addDays, dayOfWeek, IsoDate, isIsoDate } from './shanghai-date';

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

/** One day of a State Council notice: a statutory holiday, or a weekend worked (调休) for the named holiday. */
export interface NoticeDay {
  readonly date: IsoDate;
  readonly name: HolidayName;
}

/** A year's official notice as loaded at run time (work-order's calendar administration). */
export interface OfficialYearNotice {
  readonly year: number;
  readonly version: number;
  readonly holidays: readonly NoticeDay[];
  readonly workdays: readonly NoticeDay[];
}

interface LoadedYear {
  readonly notice: OfficialYearNotice;
  readonly holidays: ReadonlyMap<IsoDate, HolidayName>;
  readonly workdays: ReadonlyMap<IsoDate, HolidayName>;
}

const days = new Map<IsoDate, CalendarDay>();
const yearsWithData = new Map<number, boolean>();
/** Loaded notices take precedence over the package for their whole year. */
const loadedYears = new Map<number, LoadedYear>();
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

/** The notice entries for a date: from a loaded notice for its year, else from the package. */
function officialEntries(date: IsoDate): { worked?: HolidayName; holidayEntry?: HolidayName } {
  const loaded = loadedYears.get(Number(date.slice(0, 4)));
  if (loaded) return { worked: loaded.workdays.get(date), holidayEntry: loaded.holidays.get(date) };
  const { holidays, workdays } = officialTables();
  const worked = workdays[date];
  const holidayEntry = holidays[date];
  const named = (entry: string | undefined): HolidayName | undefined =>
    entry === undefined ? undefined : (holidayName(entry) ?? { en: entry, zh: entry });
  return { worked: named(worked), holidayEntry: named(holidayEntry) };
}

export function calendarDay(date: IsoDate): CalendarDay {
  const cached = days.get(date);
  if (cached) return cached;
  if (!isIsoDate(date)) throw new RangeError(`'${date}' is not a real YYYY-MM-DD date`);
  const weekend = [0, 6].includes(dayOfWeek(date));
  const { worked, holidayEntry } = officialEntries(date);
  let kind: DayKind;
  if (worked !== undefined) kind = weekend ? 'adjusted-working-day' : 'working-day';
  else if (holidayEntry !== undefined) kind = 'statutory-holiday';
  else kind = weekend ? 'rest-day' : 'working-day';
  const holiday = worked ?? holidayEntry;
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
  if (loadedYears.has(year)) return true;
  const known = yearsWithData.get(year);
  if (known !== undefined) return known;
  const covered = calendarDay(`${String(year).padStart(4, '0')}-01-01`).kind === 'statutory-holiday';
  yearsWithData.set(year, covered);
  return covered;
}

/** Where a year's working days come from: a notice loaded at run time, the package, or weekends only. */
export function officialCalendarSource(year: number): 'loaded' | 'package' | 'none' {
  if (loadedYears.has(year)) return 'loaded';
  return hasOfficialCalendar(year) ? 'package' : 'none';
}

/** The notice loaded for `year`, if any. */
export function loadedYearNotice(year: number): OfficialYearNotice | undefined {
  return loadedYears.get(year)?.notice;
}

function forgetYear(year: number): void {
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const date of [...days.keys()]) if (date.startsWith(prefix)) days.delete(date);
  yearsWithData.delete(year);
}

function datesOfYear(year: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = `${String(year).padStart(4, '0')}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) dates.push(d);
  return dates;
}

/**
 * Makes a State Council notice the calendar of its year in this process (it then takes precedence over
 * the package) and returns the days whose kind changed. A notice with a version not newer than the one
 * loaded is ignored (replays, out-of-order delivery) and changes nothing.
 */
export function loadOfficialYear(notice: OfficialYearNotice): IsoDate[] {
  const current = loadedYears.get(notice.year);
  if (current && current.notice.version >= notice.version) return [];
  const all = datesOfYear(notice.year);
  const before = new Map(all.map((d) => [d, calendarDay(d).kind]));
  loadedYears.set(notice.year, {
    notice,
    holidays: new Map(notice.holidays.map((h) => [h.date, h.name])),
    workdays: new Map(notice.workdays.map((w) => [w.date, w.name])),
  });
  forgetYear(notice.year);
  return all.filter((d) => calendarDay(d).kind !== before.get(d));
}

/** Forgets a loaded notice (tests, or undoing a load whose transaction failed); returns the days that changed. */
export function unloadOfficialYear(year: number): IsoDate[] {
  if (!loadedYears.has(year)) return [];
  const all = datesOfYear(year);
  const before = new Map(all.map((d) => [d, calendarDay(d).kind]));
  loadedYears.delete(year);
  forgetYear(year);
  return all.filter((d) => calendarDay(d).kind !== before.get(d));
}
