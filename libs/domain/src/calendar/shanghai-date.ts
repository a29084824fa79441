/**
 * Calendar dates in China's civil time. Asia/Shanghai has been a fixed UTC+08:00 since China stopped
 * observing daylight saving time in 1991, so a constant offset is exact for every instant this system
 * handles and does not depend on the process's TZ setting or on ICU time-zone data.
 */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date written `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds of 00:00 UTC on a proleptic Gregorian date. Date.UTC(y, …) reads a year below 100 as 1900 + y,
 * so the year is set with setUTCFullYear, which takes it literally (year 50 stays 0050).
 */
function utcDateMs(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(0, 0, 0, 0);
  return date.getTime();
}

/** Parts of a real Gregorian date (rejects 2026-02-30), or undefined. */
export function dateParts(year: number, month: number, day: number): DateParts | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999) return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(utcDateMs(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}

export function parseIsoDate(text: string): DateParts | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  return dateParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === 'string' && parseIsoDate(text) !== undefined;
}

export function formatIsoDate(parts: DateParts): IsoDate {
  const year = String(parts.year).padStart(4, '0');
  return `${year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

function requireIsoDate(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`'${date}' is not a real YYYY-MM-DD date`);
  return parts;
}

function requireInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('expected a valid Date');
  return ms;
}

/** The date in Shanghai at `instant` (2026-09-30T23:30+08:00 → 2026-09-30). */
export function shanghaiDateOf(instant: Date): IsoDate {
  const shifted = new Date(requireInstant(instant) + OFFSET_MS);
  return formatIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Shanghai wall-clock time of `instant` as `YYYY-MM-DD HH:mm`. */
export function shanghaiDateTimeOf(instant: Date): string {
  const shifted = new Date(requireInstant(instant) + OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

function utcMidnight(date: IsoDate): number {
  const { year, month, day } = requireIsoDate(date);
  return utcDateMs(year, month - 1, day);
}

/** 00:00:00.000 Asia/Shanghai on `date`. */
export function startOfShanghaiDay(date: IsoDate): Date {
  return new Date(utcMidnight(date) - OFFSET_MS);
}

/** 23:59:59.999 Asia/Shanghai on `date`: the last instant at which a day-based deadline is still met. */
export function endOfShanghaiDay(date: IsoDate): Date {
  return new Date(utcMidnight(date) - OFFSET_MS + DAY_MS - 1);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`day count must be an integer, got ${days}`);
  const shifted = new Date(utcMidnight(date) + days * DAY_MS);
  return formatIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}
