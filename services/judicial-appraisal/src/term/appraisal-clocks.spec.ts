import { acceptancePeriod } from '../entrustments/entrustment-rules';
import { computeAppraisalTerm } from './appraisal-term';
import { openAppraisalClock } from './appraisal-clocks';

const base = {
  receivedAt: new Date('2026-12-21T02:00:00Z'),
  byLetter: true,
  complexity: 'ordinary' as const,
  agreedAcceptanceWorkingDays: null,
  agreementAt: null,
  termPauses: [],
  termExtension: null,
};

describe('openAppraisalClock', () => {
  it('recomputes the acceptance-decision period of a received entrustment from its receipt and letter', () => {
    const clock = openAppraisalClock({ ...base, status: 'received' });
    const expected = acceptancePeriod({ receivedAt: base.receivedAt, byLetter: true, complexity: 'ordinary' });
    expect(clock?.what).toBe('acceptance decision');
    expect(clock?.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
    expect(clock?.deadline.kind).toBe('judicial-appraisal-acceptance');
  });

  it('recomputes the term of an accepted entrustment from agreement, finished pauses and extension', () => {
    const agreementAt = new Date('2026-12-22T02:00:00Z');
    const termPauses = [{ pausedAt: '2026-12-28T02:00:00Z', resumedAt: '2027-01-05T02:00:00Z', reason: 'materials' }];
    const termExtension = { workingDays: 10, reason: 'complex', approvedBy: 'head', at: '2027-01-06T02:00:00Z' };
    const clock = openAppraisalClock({ ...base, status: 'accepted', agreementAt, termPauses, termExtension });
    const expected = computeAppraisalTerm({ agreementAt, pauses: termPauses, extension: termExtension });
    expect(clock?.what).toBe('appraisal term');
    expect(clock?.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
    // 40 working days plus the paused ones: well after the bare 30-working-day term.
    const bare = computeAppraisalTerm({ agreementAt, pauses: [], extension: null });
    expect(clock?.dueAt.getTime() ?? 0).toBeGreaterThan(bare.dueAt.getTime());
    expect(clock?.deadline.status).toBe('running');
  });

  it('has no clock once declined or the opinion is issued', () => {
    expect(openAppraisalClock({ ...base, status: 'declined' })).toBeNull();
    expect(openAppraisalClock({ ...base, status: 'opinion-issued', agreementAt: base.receivedAt })).toBeNull();
  });
});
