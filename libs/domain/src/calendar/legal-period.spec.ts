import { DeadlineComputation } from './deadline.types';
import { calendarDay } from './official-holiday-calendar';
import { addCalendarDaysLegal, addHours, addWorkingDays, computeDeadline } from './legal-period';
import { addDays, daysBetween } from './shanghai-date';

/** A Beijing-time instant. */
const at = (local: string): Date => new Date(`${local}+08:00`);

describe('legal periods (期间): start day not counted', () => {
  describe('working days (notarization: 15 working days)', () => {
    it('skips the 2026 National Day holiday and counts the adjusted working Saturday 10 October', () => {
      const deadline = addWorkingDays(at('2026-09-28T10:00:00'), 15);
      expect(deadline).toMatchObject({
        rule: 'working-days',
        n: 15,
        startDate: '2026-09-28',
        dueDate: '2026-10-23',
        adjustedWorkdays: ['2026-10-10'],
        warnings: [],
        pauses: [],
      });
      // Without the adjusted Saturday the 15th working day would be Monday 26 October.
      expect(deadline.skipped).toEqual([
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
        '2026-10-11',
        '2026-10-17',
        '2026-10-18',
      ]);
      expect(deadline.explanation).toBe(
        '15 working days from 2026-09-28, start day not counted, skipped holidays 2026-10-01..2026-10-07 ' +
          '(National Day 国庆节) and 3 weekend rest days, counted adjusted working day 2026-10-10 ' +
          '(National Day 国庆节); due 2026-10-23 23:59:59 Asia/Shanghai.',
      );
    });

    it('ends at 23:59:59.999 Beijing time on the due day', () => {
      expect(addWorkingDays(at('2026-09-28T10:00:00'), 15).dueAt.toISOString()).toBe('2026-10-23T15:59:59.999Z');
    });

    it('takes the start day from Beijing time, not UTC', () => {
      // 00:30 on 30 September in Beijing is still 29 September in UTC.
      const justAfterMidnight = new Date('2026-09-29T16:30:00Z');
      expect(addWorkingDays(justAfterMidnight, 5)).toMatchObject({ startDate: '2026-09-30', dueDate: '2026-10-13' });
      const lateEvening = at('2026-09-29T23:30:00');
      expect(addWorkingDays(lateEvening, 5)).toMatchObject({ startDate: '2026-09-29', dueDate: '2026-10-12' });
    });

    it('does not count the start day even when it is a working day, nor need it to be one', () => {
      expect(addWorkingDays(at('2026-11-27T09:00:00'), 1).dueDate).toBe('2026-11-30');
      expect(addWorkingDays(at('2026-11-28T09:00:00'), 1).dueDate).toBe('2026-11-30');
      expect(addWorkingDays(at('2026-11-26T09:00:00'), 1).dueDate).toBe('2026-11-27');
    });

    it('counts exactly n working days for every start day of 2026 (n = 1, 3, 7, 15)', () => {
      const failures: string[] = [];
      for (let start = '2026-01-01'; start <= '2026-12-31'; start = addDays(start, 1)) {
        for (const n of [1, 3, 7, 15]) {
          const { dueDate } = addWorkingDays(at(`${start}T12:00:00`), n);
          const span = Array.from({ length: daysBetween(start, dueDate) }, (_, i) => addDays(start, i + 1));
          const worked = span.filter((d) => calendarDay(d).working).length;
          if (worked !== n || !calendarDay(dueDate).working) failures.push(`${start}+${n} → ${dueDate}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('calendar days (legal aid: decide within 7 days)', () => {
    it('moves a last day on the National Day holiday to the first working day after it', () => {
      const deadline = addCalendarDaysLegal(at('2026-09-24T15:00:00'), 7);
      expect(deadline).toMatchObject({ nominalDueDate: '2026-10-01', dueDate: '2026-10-08', adjustedWorkdays: [] });
      expect(deadline.skipped).toHaveLength(7);
      expect(deadline.explanation).toBe(
        '7 calendar days from 2026-09-24, start day not counted: the last day, 2026-10-01, is a statutory holiday ' +
          '(National Day 国庆节), so the period ends on the first working day after it, 2026-10-08; skipped ' +
          '2026-10-01..2026-10-07 (National Day 国庆节); due 2026-10-08 23:59:59 Asia/Shanghai.',
      );
      expect(deadline.dueAt.toISOString()).toBe('2026-10-08T15:59:59.999Z');
    });

    it('moves a last day on the Mid-Autumn holiday weekend to the Monday after', () => {
      const deadline = addCalendarDaysLegal(at('2026-09-18T09:00:00'), 7);
      expect(deadline.dueDate).toBe('2026-09-28');
      expect(deadline.explanation).toContain('skipped 2026-09-25..2026-09-27 (Mid-autumn Festival 中秋)');
    });

    it('moves a last day on an ordinary Saturday to Monday', () => {
      const deadline = addCalendarDaysLegal(at('2026-11-21T09:00:00'), 7);
      expect(deadline).toMatchObject({
        nominalDueDate: '2026-11-28',
        dueDate: '2026-11-30',
        skipped: ['2026-11-28', '2026-11-29'],
      });
      expect(deadline.explanation).toContain('is a rest day');
    });

    it('keeps a last day that falls on an adjusted working Sunday', () => {
      const deadline = addCalendarDaysLegal(at('2026-09-13T09:00:00'), 7);
      expect(deadline).toMatchObject({ dueDate: '2026-09-20', skipped: [], adjustedWorkdays: ['2026-09-20'] });
      expect(deadline.explanation).toContain('an adjusted working day (调休 for National Day 国庆节)');
    });

    it('counts holidays inside the period (mediation: 30 days across National Day)', () => {
      expect(addCalendarDaysLegal(at('2026-09-28T09:00:00'), 30)).toMatchObject({ dueDate: '2026-10-28', skipped: [] });
    });

    it('always ends on a working day with only non-working days between the nominal and the actual last day', () => {
      const failures: string[] = [];
      for (let start = '2026-01-01'; start <= '2026-12-31'; start = addDays(start, 1)) {
        for (const n of [1, 3, 7, 15, 30]) {
          const { nominalDueDate, dueDate, skipped } = addCalendarDaysLegal(at(`${start}T12:00:00`), n);
          const ok =
            nominalDueDate === addDays(start, n) &&
            calendarDay(dueDate).working &&
            daysBetween(nominalDueDate, dueDate) === skipped.length &&
            skipped.every((d) => !calendarDay(d).working);
          if (!ok) failures.push(`${start}+${n}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('hours', () => {
    it('starts counting at the next full hour and ignores holidays', () => {
      const deadline = addHours(at('2026-10-01T10:25:00'), 24);
      expect(deadline.dueAt.toISOString()).toBe(at('2026-10-02T11:00:00').toISOString());
      expect(deadline).toMatchObject({ rule: 'hours', dueDate: '2026-10-02', skipped: [] });
      expect(deadline.explanation).toBe(
        '24 hours from 2026-10-01 10:25 Asia/Shanghai, starting hour not counted (counting from 2026-10-01 11:00), ' +
          'holidays do not extend hour periods; due 2026-10-02 11:00 Asia/Shanghai.',
      );
    });

    it('does not count the starting hour even when the period starts on the hour', () => {
      expect(addHours(at('2026-10-01T10:00:00'), 2).dueAt.toISOString()).toBe(at('2026-10-01T13:00:00').toISOString());
    });
  });

  it('warns when the period reaches a year without a published holiday notice', () => {
    const deadline = addWorkingDays(at('2035-03-01T09:00:00'), 15);
    expect(deadline.warnings).toEqual([expect.stringContaining('no official holiday calendar for 2035')]);
    expect(deadline.explanation).toContain('Warning: no official holiday calendar for 2035');
  });

  it('rejects counts that are not positive integers and invalid start instants', () => {
    for (const n of [0, -1, 1.5, Number.NaN, 100_000]) {
      expect(() => addWorkingDays(at('2026-09-28T10:00:00'), n)).toThrow(RangeError);
      expect(() => addCalendarDaysLegal(at('2026-09-28T10:00:00'), n)).toThrow(RangeError);
    }
    expect(() => addHours(new Date('nonsense'), 1)).toThrow(RangeError);
  });

  it('dispatches on the rule name and copies the start instant', () => {
    const start = at('2026-09-28T10:00:00');
    const byRule: Record<string, DeadlineComputation> = {
      'calendar-days': computeDeadline('calendar-days', start, 7),
      'working-days': computeDeadline('working-days', start, 15),
      hours: computeDeadline('hours', start, 24),
    };
    expect(Object.entries(byRule).map(([rule, c]) => c.rule === rule)).toEqual([true, true, true]);
    start.setFullYear(2000);
    expect(byRule['hours']?.startedAt.getUTCFullYear()).toBe(2026);
  });
});
