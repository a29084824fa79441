import { parsePeriod, previousMonth } from './period';

describe('period', () => {
  it('reads a month as Asia/Shanghai calendar days', () => {
    const p = parsePeriod('2026-11');
    expect(p.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(p.bucket).toBe('day');
  });

  it('reads a day, a quarter, a year and a range with both ends included', () => {
    expect(parsePeriod('2026-02-28').to.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(parsePeriod('2026-Q4').from.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(parsePeriod('2026').to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    const range = parsePeriod('2026-10..2026-11');
    expect([range.from.toISOString(), range.to.toISOString()]).toEqual([
      '2026-09-30T16:00:00.000Z',
      '2026-11-30T16:00:00.000Z',
    ]);
    expect(parsePeriod('2026-01..2026-12').bucket).toBe('month');
  });

  it('refuses an impossible date, a month 13 and a reversed range', () => {
    expect(() => parsePeriod('2026-02-30')).toThrow();
    expect(() => parsePeriod('2026-13')).toThrow();
    expect(() => parsePeriod('2026-12..2026-01')).toThrow();
  });

  it('finds the month before, across a year', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
  });
});
