import { computeMediationTerm, termDeadline } from './mediation-term';

describe('computeMediationTerm', () => {
  it('counts 30 calendar days from the day after acceptance', () => {
    // Accepted Tuesday 2026-03-03 10:00 Shanghai; day 30 is Thursday 2026-04-02, a working day.
    const term = computeMediationTerm(new Date('2026-03-03T02:00:00Z'), []);
    expect(term.computation.dueDate).toBe('2026-04-02');
    expect(term.dueAt.toISOString()).toBe('2026-04-02T15:59:59.999Z');
    expect(term.explanation).toContain('30 calendar days from 2026-03-03');
  });

  it('moves a last day on a holiday to the first working day after it', () => {
    // Accepted 2026-09-01: day 30 is 2026-10-01, National Day; the holiday runs to 2026-10-07.
    const term = computeMediationTerm(new Date('2026-09-01T02:00:00Z'), []);
    expect(term.computation.nominalDueDate).toBe('2026-10-01');
    expect(term.computation.dueDate).toBe('2026-10-08');
  });

  it('adds every extension and names its reason', () => {
    const term = computeMediationTerm(new Date('2026-03-03T02:00:00Z'), [
      { days: 10, reason: '当事人外出务工', at: '2026-03-20T00:00:00Z' },
      { days: 5, reason: '等待鉴定结论', at: '2026-03-30T00:00:00Z' },
    ]);
    expect(term.computation.n).toBe(45);
    expect(term.computation.dueDate).toBe('2026-04-17');
    expect(term.explanation).toContain(
      'extended by 15 day(s): +10 on 2026-03-20 (当事人外出务工); +5 on 2026-03-30 (等待鉴定结论)',
    );
  });
});

describe('termDeadline', () => {
  const term = { dueAt: new Date('2026-04-02T15:59:59.999Z'), explanation: 'x' };

  it('is running while the case is open', () => {
    expect(termDeadline(term)).toEqual({
      kind: 'mediation-term',
      dueAt: '2026-04-02T15:59:59.999Z',
      rule: 'calendar-days',
      explanation: 'x',
      status: 'running',
    });
  });

  it('is met when closed by the due instant and breached after it', () => {
    expect(termDeadline(term, new Date('2026-04-02T15:00:00Z')).status).toBe('met');
    expect(termDeadline(term, new Date('2026-04-02T16:00:00Z')).status).toBe('breached');
  });
});
