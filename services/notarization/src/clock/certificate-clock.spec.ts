import { addWorkingDays } from '@legal/domain';
import { certificateDeadline, closedClockStatus, computeCertificateClock } from './certificate-clock';

describe('computeCertificateClock', () => {
  it('counts 15 working days from the day after acceptance, skipping weekends and holidays', () => {
    // Accepted Friday 2026-09-25; National Day 2026-10-01..07 is skipped, Saturday 2026-10-10 is an adjusted working day.
    const clock = computeCertificateClock(new Date('2026-09-25T02:00:00Z'), []);
    expect(clock.rule).toBe('working-days');
    expect(clock.dueDate).toBe('2026-10-22');
    expect(clock.explanation).toContain('15 working days from 2026-09-25');
  });

  it('moves the due date by the working days a pause for missing materials consumed', () => {
    // Accepted Monday 2026-03-02, paused the same day, materials arrived Thursday 2026-03-05: Tue-Thu consumed.
    const clock = computeCertificateClock(new Date('2026-03-02T02:00:00Z'), [
      { pausedAt: '2026-03-02T02:00:00Z', resumedAt: '2026-03-05T03:00:00Z' },
    ]);
    expect(clock.pauses.map((p) => p.consumed)).toEqual([3]);
    expect(clock.dueDate).toBe(addWorkingDays(new Date('2026-03-02T02:00:00Z'), 18).dueDate);
    // Paused from the start, the period effectively counts from the day the application became complete.
    expect(clock.dueDate).toBe(addWorkingDays(new Date('2026-03-05T03:00:00Z'), 15).dueDate);
  });

  it('does not move the due date for a pause over a weekend only', () => {
    const clock = computeCertificateClock(new Date('2026-03-02T02:00:00Z'), [
      { pausedAt: '2026-03-06T02:00:00Z', resumedAt: '2026-03-08T09:00:00Z' },
    ]);
    expect(clock.dueDate).toBe(computeCertificateClock(new Date('2026-03-02T02:00:00Z'), []).dueDate);
  });

  it('adds up several pauses', () => {
    const clock = computeCertificateClock(new Date('2026-03-02T02:00:00Z'), [
      { pausedAt: '2026-03-02T02:00:00Z', resumedAt: '2026-03-03T02:00:00Z' },
      { pausedAt: '2026-03-04T02:00:00Z', resumedAt: '2026-03-06T02:00:00Z' },
    ]);
    expect(clock.pauses.map((p) => p.consumed)).toEqual([1, 2]);
    expect(clock.dueDate).toBe(addWorkingDays(new Date('2026-03-02T02:00:00Z'), 18).dueDate);
  });
});

describe('certificateDeadline', () => {
  it('reports the clock in the contracts shape, naming the rule and its basis', () => {
    expect(certificateDeadline(new Date('2026-03-23T15:59:59.999Z'), 'x', 'paused')).toEqual({
      kind: 'notarization-certificate',
      dueAt: '2026-03-23T15:59:59.999Z',
      rule: 'working-days',
      explanation: '公证程序规则: x',
      status: 'paused',
    });
  });

  it('refuses a clock that has not started', () => {
    expect(() => certificateDeadline(new Date(), 'x', 'not-started')).toThrow();
  });

  it('is met up to the due instant and breached after it', () => {
    const due = new Date('2026-03-23T15:59:59.999Z');
    expect(closedClockStatus(due, new Date('2026-03-23T15:59:59.999Z'))).toBe('met');
    expect(closedClockStatus(due, new Date('2026-03-23T16:00:00.000Z'))).toBe('breached');
  });
});
