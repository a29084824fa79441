import {
  addDays,
  dateParts,
  dayOfWeek,
  daysBetween,
  endOfShanghaiDay,
  isIsoDate,
  shanghaiDateOf,
  shanghaiDateTimeOf,
  startOfShanghaiDay,
} from './shanghai-date';

describe('Shanghai calendar dates', () => {
  it('gives the date in Shanghai, so 23:30 on 30 September Beijing time is still 30 September', () => {
    expect(shanghaiDateOf(new Date('2026-09-30T23:30:00+08:00'))).toBe('2026-09-30');
    expect(shanghaiDateOf(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(shanghaiDateOf(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
  });

  it('formats the Shanghai wall-clock time of an instant', () => {
    expect(shanghaiDateTimeOf(new Date('2026-09-30T15:30:00Z'))).toBe('2026-09-30 23:30');
  });

  it('puts the start and end of a Shanghai day eight hours before the UTC day boundaries', () => {
    expect(startOfShanghaiDay('2026-10-08').toISOString()).toBe('2026-10-07T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-10-08').toISOString()).toBe('2026-10-08T15:59:59.999Z');
  });

  it('adds days across month and year ends, including leap days', () => {
    expect(addDays('2026-09-24', 7)).toBe('2026-10-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-09-24', '2026-10-01')).toBe(7);
  });

  it('rejects dates that do not exist', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(dateParts(2026, 4, 31)).toBeUndefined();
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => shanghaiDateOf(new Date('nonsense'))).toThrow(RangeError);
  });

  it('knows the weekday of a date', () => {
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2026-09-20')).toBe(0);
  });

  it('keeps years below 100 as written instead of reading them as 19xx', () => {
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0100-01-01', -1)).toBe('0099-12-31');
    expect(startOfShanghaiDay('0050-03-01').toISOString()).toBe('0050-02-28T16:00:00.000Z');
    expect(daysBetween('0099-12-31', '1999-12-31')).toBe(693960);
    expect(dayOfWeek('0001-01-01')).toBe(1);
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(isIsoDate('0100-02-29')).toBe(false);
  });
});
