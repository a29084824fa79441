import { InvalidInputError } from '@legal/http';

/** A half-open interval of Asia/Shanghai calendar days, [from, to), and how it was asked for. */
export interface Period {
  label: string;
  from: Date;
  to: Date;
  /** Bucket of its time series: days for a day or month, months for anything longer. */
  bucket: 'day' | 'month';
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Midnight Asia/Shanghai (UTC+8, no daylight saving) of a calendar day. */
export function shanghaiMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS);
}

function invalid(value: string): InvalidInputError {
  return new InvalidInputError([
    {
      field: 'period',
      messages: [
        `period must be a day (2026-11-28), month (2026-11), quarter (2026-Q4), year (2026) or a range
 of two of those (2026-10..2026-11), not ${value.slice(0, 40)}`.replace(/\n/g, ''),
      ],
      codes: ['isPeriod'],
    },
  ]);
}

function single(value: string): Period | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const from = shanghaiMidnight(y, mo, d);
    const check = new Date(from.getTime() + SHANGHAI_OFFSET_MS);
    if (check.getUTCMonth() + 1 !== mo || check.getUTCDate() !== d) return undefined;
    return { label: value, from, to: shanghaiMidnight(y, mo, d + 1), bucket: 'day' };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return { label: value, from: shanghaiMidnight(y, mo, 1), to: shanghaiMidnight(y, mo + 1, 1), bucket: 'day' };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return {
      label: value,
      from: shanghaiMidnight(y, q * 3 - 2, 1),
      to: shanghaiMidnight(y, q * 3 + 1, 1),
      bucket: 'month',
    };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    return { label: value, from: shanghaiMidnight(y, 1, 1), to: shanghaiMidnight(y + 1, 1, 1), bucket: 'month' };
  }
  return undefined;
}

/** Parses `2026-11-28`, `2026-11`, `2026-Q4`, `2026` or a range `A..B` of those (both ends included). */
export function parsePeriod(value: string): Period {
  const parts = value.split('..');
  if (parts.length === 1) {
    const p = single(value);
    if (!p) throw invalid(value);
    return p;
  }
  if (parts.length !== 2) throw invalid(value);
  const [a, b] = parts.map(single);
  if (!a || !b || a.from >= b.to) throw invalid(value);
  const days = (b.to.getTime() - a.from.getTime()) / 86_400_000;
  return { label: value, from: a.from, to: b.to, bucket: days > 62 ? 'month' : 'day' };
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Days in a period (whole Asia/Shanghai days). */
export function periodDays(period: Period): number {
  return Math.round((period.to.getTime() - period.from.getTime()) / 86_400_000);
}
