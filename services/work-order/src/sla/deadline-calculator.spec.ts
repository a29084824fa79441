import { computeStoredDeadline } from './deadline-calculator';
import { deadlineSpecs } from './deadline-policy';

describe('deadline calculator', () => {
  it('gives a notarization accepted just before National Day 2025 a due date that skips the holiday and counts the adjusted working weekend', () => {
    // Accepted Friday 2025-09-26 10:00 (+08:00). Working days: 09-28 (Sunday worked, 调休), 09-29, 09-30,
    // holiday 10-01..10-08, then 10-09, 10-10, 10-11 (Saturday worked, 调休), 10-13..10-17, 10-20..10-23.
    const spec = deadlineSpecs('notarization').find((s) => s.kind === 'notarization-certificate');
    expect(spec).toMatchObject({ rule: 'working-days', units: 15, startsAt: 'application-accepted' });
    const result = computeStoredDeadline({
      rule: 'working-days',
      units: 15,
      startAt: new Date('2025-09-26T02:00:00Z'),
      pauses: [],
      extensions: [],
    });
    expect(result.dueAt.toISOString()).toBe('2025-10-23T15:59:59.999Z');
    expect(result.computation.adjustedWorkdays).toEqual(['2025-09-28', '2025-10-11']);
    expect(result.computation.skipped).toEqual(expect.arrayContaining(['2025-10-01', '2025-10-08']));
    expect(result.explanation).toMatch(/National Day/);
  });

  it('shifts a paused legal-aid decision deadline by the days the clock stood still', () => {
    const start = new Date('2025-11-03T02:00:00Z'); // Monday
    const plain = computeStoredDeadline({
      rule: 'calendar-days',
      units: 7,
      startAt: start,
      pauses: [],
      extensions: [],
    });
    expect(plain.dueAt.toISOString()).toBe('2025-11-10T15:59:59.999Z');
    const paused = computeStoredDeadline({
      rule: 'calendar-days',
      units: 7,
      startAt: start,
      pauses: [{ pausedAt: '2025-11-05T02:00:00Z', resumedAt: '2025-11-08T02:00:00Z' }],
      extensions: [],
    });
    expect(paused.dueAt.toISOString()).toBe('2025-11-13T15:59:59.999Z');
    expect(paused.explanation).toMatch(/Paused/);
  });

  it('adds extensions to the period and names their reason', () => {
    const extended = computeStoredDeadline({
      rule: 'calendar-days',
      units: 30,
      startAt: new Date('2025-11-03T02:00:00Z'),
      pauses: [],
      extensions: [{ units: 15, reason: '当事人同意延长调解期限', by: 'sup-1', at: '2025-11-20T00:00:00Z' }],
    });
    expect(extended.dueAt.toISOString()).toBe('2025-12-18T15:59:59.999Z');
    expect(extended.explanation).toContain('当事人同意延长调解期限');
  });

  it('knows the statutory legal-aid clocks: 7-day decision from receipt and 3-day appointment after grant', () => {
    expect(deadlineSpecs('legal-aid').map((s) => [s.kind, s.rule, s.units, s.startsAt])).toEqual([
      ['legal-aid-decision', 'calendar-days', 7, 'application-received'],
      ['lawyer-appointment', 'calendar-days', 3, 'aid-granted'],
    ]);
    expect(deadlineSpecs('notified-defence').map((s) => [s.kind, s.units, s.startsAt])).toEqual([
      ['defence-appointment', 3, 'notice-received'],
    ]);
  });
});
