import { getDayDetail } from 'chinese-days';
import { calendarDay, hasOfficialCalendar, isWorkingDay } from './official-holiday-calendar';
import { addDays } from './shanghai-date';

// chinese-days' own functions are only right when the process runs at or east of UTC (see the adapter).
const processEastOfUtc = new Date(2026, 0, 1).getTimezoneOffset() <= 0 && new Date(2026, 6, 1).getTimezoneOffset() <= 0;

describe('official holiday calendar (chinese-days)', () => {
  it('knows the 2026 National Day holiday of 1-7 October', () => {
    for (let day = 1; day <= 7; day++) {
      const date = `2026-10-0${day}`;
      expect(calendarDay(date)).toMatchObject({ kind: 'statutory-holiday', working: false, holiday: { zh: '国庆节' } });
    }
    expect(calendarDay('2026-10-08').kind).toBe('working-day');
  });

  it('knows the weekend days worked in lieu of the 2026 National Day holiday (Sun 20 Sep, Sat 10 Oct)', () => {
    expect(calendarDay('2026-09-20')).toMatchObject({
      kind: 'adjusted-working-day',
      working: true,
      holiday: { zh: '国庆节' },
    });
    expect(calendarDay('2026-10-10')).toMatchObject({ kind: 'adjusted-working-day', working: true });
    expect(calendarDay('2026-10-11')).toMatchObject({ kind: 'rest-day', working: false, holiday: undefined });
  });

  it('treats an ordinary weekday as a working day and an ordinary weekend as a rest day', () => {
    expect(calendarDay('2026-11-27')).toMatchObject({ kind: 'working-day', holiday: undefined });
    expect(isWorkingDay('2026-11-28')).toBe(false);
  });

  it('knows which years have a published holiday notice', () => {
    expect(hasOfficialCalendar(2025)).toBe(true);
    expect(hasOfficialCalendar(2026)).toBe(true);
    expect(hasOfficialCalendar(2035)).toBe(false);
  });

  it('agrees with 2025: National Day and Mid-Autumn 1-8 October, worked Sun 28 Sep and Sat 11 Oct', () => {
    expect(calendarDay('2025-10-08').kind).toBe('statutory-holiday');
    expect(calendarDay('2025-09-28').kind).toBe('adjusted-working-day');
    expect(calendarDay('2025-10-11').kind).toBe('adjusted-working-day');
  });

  const itEastOfUtc = processEastOfUtc ? it : it.skip;
  itEastOfUtc('answers exactly like chinese-days getDayDetail for every day from 2004 to 2026', () => {
    const differences: string[] = [];
    for (let date = '2004-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      const theirs = getDayDetail(new Date(year, month - 1, day, 12));
      const ours = calendarDay(date);
      const theirHoliday = theirs.name.includes(',') ? theirs.name.split(',')[1] : undefined;
      if (theirs.date !== date || theirs.work !== ours.working || theirHoliday !== ours.holiday?.zh) {
        differences.push(`${date}: ${JSON.stringify(theirs)} vs ${JSON.stringify(ours)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('rejects dates that do not exist', () => {
    expect(() => calendarDay('2026-02-30')).toThrow(RangeError);
  });
});
