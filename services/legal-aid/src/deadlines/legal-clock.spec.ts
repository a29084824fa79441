import { computeClock } from './legal-clock';

describe('statutory clocks', () => {
  it('counts the 7-day decision from the day after receipt and moves a last day off work to the next working day', () => {
    // Received Wednesday 2026-11-25 (Shanghai); day 7 is Wednesday 2026-12-02, a working day.
    const normal = computeClock('legal-aid-decision', new Date('2026-11-25T02:00:00Z'), 7, []);
    expect(normal.dueAt.toISOString()).toBe('2026-12-02T15:59:59.999Z');
    expect(normal.explanation).toContain('法律援助法');
    // Received Sunday 2026-11-29; day 3 is Wednesday 2026-12-02. Received Thursday 2026-11-26: day 3 is Sunday → Monday 2026-11-30.
    expect(computeClock('lawyer-appointment', new Date('2026-11-26T02:00:00Z'), 3, []).dueAt.toISOString()).toBe(
      '2026-11-30T15:59:59.999Z',
    );
  });

  it('moves the due date by the days the clock was paused', () => {
    const start = new Date('2026-11-25T02:00:00Z');
    const paused = computeClock('legal-aid-decision', start, 7, [
      { pausedAt: '2026-11-26T02:00:00.000Z', resumedAt: '2026-11-29T02:00:00.000Z' },
    ]);
    expect(paused.dueAt.getTime()).toBeGreaterThan(computeClock('legal-aid-decision', start, 7, []).dueAt.getTime());
    expect(paused.explanation).toContain('Paused');
    // An open pause (not resumed yet) does not move anything.
    expect(
      computeClock('legal-aid-decision', start, 7, [{ pausedAt: '2026-11-26T02:00:00.000Z' }]).dueAt.toISOString(),
    ).toBe('2026-12-02T15:59:59.999Z');
  });
});
