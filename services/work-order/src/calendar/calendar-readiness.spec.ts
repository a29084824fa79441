import { loadOfficialYear, unloadOfficialYear } from '@legal/domain';
import { calendarReadiness } from './calendar-readiness';

describe('calendarReadiness (next year not loaded)', () => {
  afterEach(() => {
    unloadOfficialYear(2027);
  });

  it('says nothing before 1 December (Asia/Shanghai), even when next year is unknown', () => {
    // 2026-11-30 23:59 in Shanghai is still November.
    expect(calendarReadiness(new Date('2026-11-30T15:59:00Z'))).toEqual({ nextYear: 2027, nextYearSource: 'none' });
  });

  it('warns from 1 December while next year has neither a loaded notice nor package data', () => {
    const r = calendarReadiness(new Date('2026-11-30T16:00:00Z'));
    expect(r.warning).toMatch(/no official holiday calendar for 2027.*POST \/admin\/calendar\/years\/2027/);
  });

  it('stops warning once the notice is loaded, and never warns for a year the package covers', () => {
    const holidays = [{ date: '2027-01-01', name: { en: "New Year's Day", zh: '元旦' } }];
    loadOfficialYear({ year: 2027, version: 1, holidays, workdays: [] });
    expect(calendarReadiness(new Date('2026-12-04T00:00:00Z'))).toEqual({ nextYear: 2027, nextYearSource: 'loaded' });
    expect(calendarReadiness(new Date('2025-12-04T00:00:00Z'))).toEqual({ nextYear: 2026, nextYearSource: 'package' });
  });
});
