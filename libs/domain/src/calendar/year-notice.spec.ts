import {
  calendarDay,
  hasOfficialCalendar,
  loadOfficialYear,
  officialCalendarSource,
  unloadOfficialYear,
} from './official-holiday-calendar';
import { addWorkingDays } from './legal-period';
import { validateYearNotice } from './year-notice';

const NEW_YEAR = { en: "New Year's Day", zh: '元旦' };
const SPRING = { en: 'Spring Festival', zh: '春节' };

describe('a State Council notice loaded at run time', () => {
  afterEach(() => {
    unloadOfficialYear(2027);
  });

  it('takes precedence over the package, and the legal periods running into that year follow it', () => {
    expect(officialCalendarSource(2027)).toBe('none');
    const before = addWorkingDays(new Date('2026-12-20T02:00:00Z'), 15);
    expect(before.dueDate).toBe('2027-01-08');
    expect(before.warnings[0]).toMatch(/no official holiday calendar for 2027/);

    const changed = loadOfficialYear({
      year: 2027,
      version: 1,
      holidays: [
        { date: '2027-01-01', name: NEW_YEAR },
        { date: '2027-01-04', name: NEW_YEAR },
        { date: '2027-01-05', name: NEW_YEAR },
      ],
      workdays: [{ date: '2027-01-09', name: NEW_YEAR }],
    });
    expect(changed).toEqual(['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-09']);
    expect(officialCalendarSource(2027)).toBe('loaded');
    expect(hasOfficialCalendar(2027)).toBe(true);
    expect(calendarDay('2027-01-09')).toMatchObject({ kind: 'adjusted-working-day', holiday: NEW_YEAR });
    const after = addWorkingDays(new Date('2026-12-20T02:00:00Z'), 15);
    // 01-04 and 01-05 are holidays now; Saturday 01-09 is worked.
    expect(after.dueDate).toBe('2027-01-12');
    expect(after.warnings).toEqual([]);
    expect(after.explanation).toMatch(/New Year's Day 元旦/);
  });

  it('ignores a replayed or older version, and unloading restores the previous calendar', () => {
    const notice = { year: 2027, holidays: [{ date: '2027-01-01', name: NEW_YEAR }], workdays: [] };
    expect(loadOfficialYear({ ...notice, version: 2 })).toEqual(['2027-01-01']);
    expect(loadOfficialYear({ ...notice, version: 2 })).toEqual([]);
    expect(loadOfficialYear({ ...notice, version: 1, holidays: [] })).toEqual([]);
    expect(unloadOfficialYear(2027)).toEqual(['2027-01-01']);
    expect(calendarDay('2027-01-01').kind).toBe('working-day');
  });
});

describe('validateYearNotice', () => {
  it('accepts a consistent notice', () => {
    const holidays = [
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-02-06', name: SPRING },
    ];
    expect(validateYearNotice({ year: 2027, holidays, workdays: [{ date: '2027-02-13', name: SPRING }] })).toEqual([]);
  });

  it('names each problem: outside the year, both holiday and working day, weekday make-up day, unnamed, no 元旦', () => {
    const problems = validateYearNotice({
      year: 2027,
      holidays: [
        { date: '2026-12-31', name: NEW_YEAR },
        { date: '2027-02-13', name: SPRING },
        { date: '2027-02-08', name: { en: '', zh: '' } },
        { date: '2027-02-30', name: SPRING },
      ],
      workdays: [
        { date: '2027-02-13', name: SPRING },
        { date: '2027-02-10', name: SPRING },
      ],
    });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'holidays[0].date:inYear',
      'holidays[2].name:named',
      'holidays[3].date:date',
      'workdays[0].date:holidayAndWorkday',
      'workdays[1].date:weekendOnly',
      'holidays:newYear',
    ]);
  });
});
