import { applyDeadlinePause } from './deadline-pause';
import { calendarDay } from './official-holiday-calendar';
import { DeadlineComputation } from './deadline.types';
import {
  addCalendarDaysLegal,
  addHours,
  addWorkingDays,
  countWorkingDaysAfter,
  firstWorkingDayFrom,
} from './legal-period';
import { addDays, daysBetween } from './shanghai-date';

const at = (local: string): Date => new Date(`${local}+08:00`);
const pause = (deadline: DeadlineComputation, from: string, to: string): DeadlineComputation =>
  applyDeadlinePause(deadline, { pausedAt: at(from), resumedAt: at(to) });

describe('pausing and resuming a deadline', () => {
  describe('working-day rule (notarization waiting for missing materials)', () => {
    const accepted = addWorkingDays(at('2026-09-28T10:00:00'), 15);

    it('adds the working days the pause consumed, counting across the holiday', () => {
      const shifted = applyDeadlinePause(accepted, {
        pausedAt: at('2026-09-29T09:00:00'),
        resumedAt: at('2026-10-09T15:00:00'),
      });
      expect(shifted.dueDate).toBe('2026-10-28');
      expect(shifted.dueAt.toISOString()).toBe('2026-10-28T15:59:59.999Z');
      expect(shifted.pauses).toEqual([
        {
          pausedAt: at('2026-09-29T09:00:00'),
          resumedAt: at('2026-10-09T15:00:00'),
          consumed: 3,
          consumedDays: ['2026-09-30', '2026-10-08', '2026-10-09'],
        },
      ]);
      expect(shifted.explanation).toBe(
        `${accepted.explanation} Paused 2026-09-29 09:00 to 2026-10-09 15:00 Asia/Shanghai: ` +
          '3 working days (2026-09-30, 2026-10-08..2026-10-09) consumed, added after 2026-10-23; ' +
          'due 2026-10-28 23:59:59 Asia/Shanghai.',
      );
      expect(shifted.rule).toBe('working-days');
    });

    it('leaves the deadline alone for a pause resumed the same day', () => {
      const shifted = pause(accepted, '2026-10-12T09:00:00', '2026-10-12T17:00:00');
      expect(shifted.dueDate).toBe('2026-10-23');
      expect(shifted.explanation).toContain('no working days consumed');
    });

    it('consumes no working days for a pause that only covers holidays', () => {
      const shifted = pause(accepted, '2026-10-01T09:00:00', '2026-10-07T09:00:00');
      expect(shifted.dueDate).toBe('2026-10-23');
    });

    it('stops listing an adjusted working day as counted when a pause consumed it', () => {
      const shifted = pause(accepted, '2026-10-09T09:00:00', '2026-10-12T09:00:00');
      expect(shifted.dueDate).toBe('2026-10-27');
      expect(shifted.adjustedWorkdays).toEqual([]);
    });

    it('accumulates several pauses', () => {
      const once = pause(accepted, '2026-09-29T09:00:00', '2026-09-30T09:00:00');
      const twice = pause(once, '2026-10-13T09:00:00', '2026-10-15T09:00:00');
      expect([accepted.dueDate, once.dueDate, twice.dueDate]).toEqual(['2026-10-23', '2026-10-26', '2026-10-28']);
      expect(twice.pauses).toHaveLength(2);
      expect(twice.explanation.match(/Paused/g)).toHaveLength(2);
    });

    it('gives the same due date as restarting the remaining days after the resume day, for any pause', () => {
      const failures: string[] = [];
      for (let start = '2026-09-01'; start <= '2026-10-31'; start = addDays(start, 3)) {
        const deadline = addWorkingDays(at(`${start}T10:00:00`), 15);
        for (let paused = start; paused < deadline.dueDate; paused = addDays(paused, 2)) {
          for (const length of [0, 1, 4, 9]) {
            const resumed = addDays(paused, length);
            const used = countWorkingDays(start, paused);
            const expected = countWorkingDaysAfter(resumed, 15 - used).last;
            const actual = pause(deadline, `${paused}T12:00:00`, `${resumed}T12:00:00`);
            if (actual.dueDate !== expected) {
              failures.push(`${start} pause ${paused}..${resumed}: ${actual.dueDate} ≠ ${expected}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('calendar-day rule (legal aid 7-day decision)', () => {
    it('adds the paused calendar days to the last day', () => {
      const deadline = addCalendarDaysLegal(at('2026-09-14T10:00:00'), 7);
      const shifted = pause(deadline, '2026-09-16T09:00:00', '2026-09-19T15:00:00');
      expect([deadline.dueDate, shifted.nominalDueDate, shifted.dueDate]).toEqual([
        '2026-09-21',
        '2026-09-24',
        '2026-09-24',
      ]);
      expect(shifted.explanation).toContain(
        'Paused 2026-09-16 09:00 to 2026-09-19 15:00 Asia/Shanghai: 3 calendar days consumed',
      );
    });

    it('moves the shifted last day off a holiday again', () => {
      const deadline = addCalendarDaysLegal(at('2026-09-21T10:00:00'), 7);
      const shifted = pause(deadline, '2026-09-22T09:00:00', '2026-09-25T09:00:00');
      expect([deadline.dueDate, shifted.nominalDueDate, shifted.dueDate]).toEqual([
        '2026-09-28',
        '2026-10-01',
        '2026-10-08',
      ]);
      expect(shifted.skipped).toHaveLength(7);
      expect(shifted.explanation).toContain('a non-working day, so it ends on 2026-10-08');
    });

    it('gives the same last day as restarting the remaining days after the resume day', () => {
      const failures: string[] = [];
      for (let start = '2026-09-01'; start <= '2026-10-31'; start = addDays(start, 1)) {
        const deadline = addCalendarDaysLegal(at(`${start}T10:00:00`), 7);
        for (let paused = start; paused <= deadline.dueDate; paused = addDays(paused, 1)) {
          const resumed = addDays(paused, 5);
          const remaining = 7 - daysBetween(start, paused);
          const expected = firstWorkingDayFrom(addDays(resumed, remaining)).day;
          const actual = pause(deadline, `${paused}T12:00:00`, `${resumed}T12:00:00`);
          if (actual.dueDate !== expected) failures.push(`${start} pause ${paused}: ${actual.dueDate} ≠ ${expected}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });

  it('adds the exact paused duration to an hour period', () => {
    const deadline = addHours(at('2026-10-01T10:25:00'), 24);
    const shifted = pause(deadline, '2026-10-01T12:00:00', '2026-10-01T13:30:00');
    expect(shifted.dueAt.toISOString()).toBe(at('2026-10-02T12:30:00').toISOString());
    expect(shifted.pauses[0]?.consumed).toBe(1.5);
    expect(shifted.explanation).toContain('(1.5 hours); due moved to 2026-10-02 12:30 Asia/Shanghai.');
  });

  it('rejects pauses that end before they start, start before the period or after the deadline', () => {
    const deadline = addWorkingDays(at('2026-09-28T10:00:00'), 15);
    const attempt = (pausedAt: string, resumedAt: string) => () => pause(deadline, pausedAt, resumedAt);
    expect(attempt('2026-10-12T10:00:00', '2026-10-12T09:00:00')).toThrow('resumedAt is before pausedAt');
    expect(attempt('2026-09-27T10:00:00', '2026-09-29T09:00:00')).toThrow('before the period started');
    expect(attempt('2026-10-24T10:00:00', '2026-10-26T09:00:00')).toThrow('after the deadline');
    expect(() => applyDeadlinePause(deadline, { pausedAt: new Date('x'), resumedAt: new Date() })).toThrow(RangeError);
  });

  it('returns a new computation and leaves the original unchanged', () => {
    const deadline = addWorkingDays(at('2026-09-28T10:00:00'), 15);
    const before = JSON.stringify(deadline);
    pause(deadline, '2026-09-29T09:00:00', '2026-10-09T15:00:00');
    expect(JSON.stringify(deadline)).toBe(before);
  });
});

/** Working days after `from` up to and including `to`. */
function countWorkingDays(from: string, to: string): number {
  const days = Array.from({ length: daysBetween(from, to) }, (_, i) => addDays(from, i + 1));
  return days.filter((d) => calendarDay(d).working).length;
}
