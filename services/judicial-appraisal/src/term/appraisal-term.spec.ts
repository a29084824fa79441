import {
  computeAppraisalTerm,
  decideExtension,
  decidePause,
  decideResume,
  termDeadline,
  TermState,
} from './appraisal-term';

// 2026-11-05 is a Thursday; November and December 2026 have no official holidays (weekends only).
const agreementAt = new Date('2026-11-05T02:00:00Z');
const base: TermState = { agreementAt, pauses: [], extension: null };
const head = { approvedBy: 'head-li' };
const dateOf = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('appraisal term (art. 28, 29)', () => {
  it('ends 30 working days after the agreement day, weekends skipped', () => {
    const term = computeAppraisalTerm(base);
    expect(dateOf(term.dueAt)).toBe('2026-12-17');
    expect(term.explanation).toContain('art. 28');
    expect(term.explanation).toContain('30 working days from 2026-11-05');
    expect(termDeadline(term)).toMatchObject({
      kind: 'judicial-appraisal-term',
      rule: 'working-days',
      status: 'running',
    });
  });

  it('counts across National Day: skips 2026-10-01..07 and counts the adjusted Saturday 2026-10-10', () => {
    const term = computeAppraisalTerm({ ...base, agreementAt: new Date('2026-09-28T02:00:00Z') });
    // 09-29, 09-30 (2), 10-08, 10-09, 10-10 adjusted (5), then 25 weekdays from 10-12: 11-13 is the 30th.
    expect(dateOf(term.dueAt)).toBe('2026-11-13');
    expect(term.explanation).toContain('National Day');
  });

  it('while paused keeps the due date and says it will move; resuming shifts it by the working days paused', () => {
    const paused = decidePause(
      base,
      new Date('2026-11-10T02:00:00Z'),
      '补充病历材料',
      new Date('2026-11-20T00:00:00Z'),
    );
    if (!('pause' in paused)) throw new Error(paused.reason);
    const during = computeAppraisalTerm({ ...base, pauses: [paused.pause] });
    expect(during.paused).toBe(true);
    expect(dateOf(during.dueAt)).toBe('2026-12-17');
    expect(termDeadline(during).status).toBe('paused');
    const materialsArrived = new Date('2026-11-17T02:00:00Z');
    const later = new Date('2026-11-20T00:00:00Z');
    const resumed = decideResume({ ...base, pauses: [paused.pause] }, materialsArrived, later);
    if (!('pauses' in resumed)) throw new Error(resumed.reason);
    const after = computeAppraisalTerm({ ...base, pauses: resumed.pauses });
    // Not counted: 11-11, 11-12, 11-13, 11-16, 11-17 (5 working days): 12-17 → 12-24.
    expect(after.paused).toBe(false);
    expect(dateOf(after.dueAt)).toBe('2026-12-24');
    expect(after.explanation).toContain('5 working days');
    expect(after.explanation).toContain('补充病历材料');
  });

  it('refuses a second pause while one is open, a pause before the agreement, and resuming before the pause', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const open = { pausedAt: '2026-11-10T02:00:00.000Z', reason: 'x' };
    const twice = decidePause({ ...base, pauses: [open] }, now, 'y', now);
    expect(twice).toMatchObject({ refused: 'already-paused', status: 409 });
    expect(decidePause(base, new Date('2026-11-04T02:00:00Z'), 'y', now)).toMatchObject({
      refused: 'before-running',
      status: 400,
    });
    expect(decidePause(base, new Date('2026-11-21T00:00:00Z'), 'y', now)).toMatchObject({ refused: 'future' });
    const early = decideResume({ ...base, pauses: [open] }, new Date('2026-11-09T02:00:00Z'), now);
    expect(early).toMatchObject({ refused: 'before-pause' });
    expect(decideResume(base, now, now)).toMatchObject({ refused: 'not-paused', status: 409 });
  });

  it('extends once by at most 30 working days with the approver named; a second extension is a conflict', () => {
    const at = new Date('2026-12-01T02:00:00Z');
    const first = decideExtension(base, { workingDays: 10, reason: '需要补充检验', approvedBy: 'head-li' }, at);
    if (!('extension' in first)) throw new Error(first.reason);
    const extended = computeAppraisalTerm({ ...base, extension: first.extension });
    // 12-17 + 10 working days: 18, 21-25, 28-31 → 2026-12-31.
    expect(dateOf(extended.dueAt)).toBe('2026-12-31');
    expect(extended.explanation).toContain("institution head's approval (head-li");
    const once = { ...base, extension: first.extension };
    const again = decideExtension(once, { ...head, workingDays: 5, reason: 'again' }, at);
    expect(again).toMatchObject({ refused: 'extension-already-granted', status: 409 });
    const tooLong = decideExtension(base, { ...head, workingDays: 31, reason: 'long' }, at);
    expect(tooLong).toMatchObject({ refused: 'extension-too-long', status: 400 });
    const late = decideExtension(base, { ...head, workingDays: 5, reason: 'late' }, new Date('2026-12-18T00:00:00Z'));
    expect(late).toMatchObject({ refused: 'term-expired', status: 409 });
  });

  it('combines an extension with a pause: the extension counts from the agreement, the pause shifts the result', () => {
    const extension = { workingDays: 30, reason: '疑难', approvedBy: 'head-li', at: '2026-11-20T02:00:00.000Z' };
    const pauses = [
      { pausedAt: '2026-11-10T02:00:00.000Z', resumedAt: '2026-11-17T02:00:00.000Z', reason: '补充材料' },
    ];
    // 60 working days from 11-05 end 2027-01-28 (no official 2027 calendar yet: weekends only, with a
    // warning in the explanation), plus the 5 working days paused.
    const term = computeAppraisalTerm({ agreementAt, pauses, extension });
    expect(dateOf(term.dueAt)).toBe('2027-02-04');
    expect(term.explanation).toContain('no official holiday calendar for 2027');
    expect(termDeadline(term, new Date('2027-02-04T10:00:00Z'))).toMatchObject({ status: 'met' });
    expect(termDeadline(term, new Date('2027-02-05T10:00:00Z'))).toMatchObject({ status: 'breached' });
  });
});
