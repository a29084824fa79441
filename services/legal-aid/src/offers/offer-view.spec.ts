import { outcomeOf } from './offer-view';

const offer = { rejectionReasonCode: null, rejectionReason: null, withdrawalReason: null };

describe('outcomeOf (the one outcome code and reason legal-aid offers have always shown)', () => {
  it('shows a rejection by its coded reason and explanation', () => {
    const rejected = {
      ...offer,
      status: 'rejected' as const,
      rejectionReasonCode: 'no-capacity',
      rejectionReason: '满',
    };
    expect(outcomeOf(rejected)).toEqual({ outcomeCode: 'no-capacity', outcomeReason: '满' });
  });

  it('shows a withdrawal by the router with its reason', () => {
    const withdrawn = { ...offer, status: 'withdrawn' as const, withdrawalReason: 'reassigned' };
    const expected = { outcomeCode: 'reassigned', outcomeReason: 'withdrawn by the router: reassigned' };
    expect(outcomeOf(withdrawn)).toEqual(expected);
  });

  it('says an expired offer was not accepted in time', () => {
    expect(outcomeOf({ ...offer, status: 'expired' })).toEqual({
      outcomeCode: 'expired',
      outcomeReason: 'not accepted before expiresAt',
    });
  });

  it('keeps an accepted offer without outcome code, and says so when the router withdrew it afterwards', () => {
    expect(outcomeOf({ ...offer, status: 'accepted' })).toEqual({ outcomeCode: null, outcomeReason: null });
    const late = { ...offer, status: 'accepted' as const, withdrawalReason: 'cancelled' };
    expect(outcomeOf(late).outcomeReason).toBe('withdrawn by the router after acceptance: cancelled');
  });

  it('has no outcome while open', () => {
    expect(outcomeOf({ ...offer, status: 'open' })).toEqual({ outcomeCode: null, outcomeReason: null });
  });
});
