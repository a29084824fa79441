import { callbackDeadline, reasonForStatus, reasonStillApplies } from './callback-deadline.policy';

describe('callback deadline policy', () => {
  it('gives information and evaluation callbacks 2 working days, skipping the weekend', () => {
    // Friday 2026-12-04 10:00 Shanghai: Monday and Tuesday are the 2 working days.
    const due = callbackDeadline('needs-information', new Date('2026-12-04T10:00:00+08:00'));
    expect(due.rule).toBe('working-days');
    expect(due.dueAt.toISOString()).toBe(new Date('2026-12-08T23:59:59.999+08:00').toISOString());
    expect(callbackDeadline('evaluation-due', new Date('2026-12-04T10:00:00+08:00')).dueAt).toEqual(due.dueAt);
  });

  it('gives an overdue-deadline callback 24 hours, holidays included (the hotline is 7x24)', () => {
    const due = callbackDeadline('deadline-overdue', new Date('2026-10-01T10:00:00+08:00'));
    expect(due.rule).toBe('hours');
    expect(due.dueAt.getTime()).toBeGreaterThan(new Date('2026-10-02T10:00:00+08:00').getTime() - 1);
    expect(due.dueAt.getTime()).toBeLessThanOrEqual(new Date('2026-10-02T11:00:00+08:00').getTime());
  });

  it('raises callbacks for waiting-applicant and resolved only, and withdraws them once the work order moves on', () => {
    expect(reasonForStatus('waiting-applicant')).toBe('needs-information');
    expect(reasonForStatus('resolved')).toBe('evaluation-due');
    expect(reasonForStatus('in-progress')).toBeUndefined();
    expect(reasonStillApplies('needs-information', 'in-progress')).toBe(false);
    expect(reasonStillApplies('evaluation-due', 'closed')).toBe(false);
    expect(reasonStillApplies('deadline-overdue', 'supervisor-queue')).toBe(true);
    expect(reasonStillApplies('deadline-overdue', 'resolved')).toBe(false);
  });
});
