import { undecidable, withdrawalEffect } from './offer-rules';
import type { OfferStatus } from './offer.entity';

const now = new Date('2026-12-04T10:00:00.000Z');
type Question = { id: string; status: OfferStatus; expiresAt: Date; withdrawalReason: string | null };
function offer(status: OfferStatus, expiresAt = '2026-12-04T12:00:00.000Z', reason: string | null = null): Question {
  return { id: 'o-1', status, expiresAt: new Date(expiresAt), withdrawalReason: reason };
}

describe('undecidable (may staff or the system accept or reject an offer now?)', () => {
  it('lets an open offer before its expiry be decided', () => {
    expect(undecidable(offer('open'), now)).toBeUndefined();
  });

  it('refuses an open offer at or past its expiry as offer-expired, before the sweeper marks it', () => {
    expect(undecidable(offer('open', '2026-12-04T10:00:00.000Z'), now)?.code).toBe('offer-expired');
    expect(undecidable(offer('expired'), now)?.code).toBe('offer-expired');
  });

  it("refuses a withdrawn offer as offer-withdrawn and names the router's reason", () => {
    expect(undecidable(offer('withdrawn', undefined, 'reassigned'), now)).toEqual({
      code: 'offer-withdrawn',
      message: 'Offer o-1 was withdrawn (reassigned)',
    });
  });

  it('refuses a decided offer with a code naming its decision', () => {
    expect(undecidable(offer('accepted'), now)?.code).toBe('offer-already-accepted');
    expect(undecidable(offer('rejected'), now)?.code).toBe('offer-already-rejected');
  });
});

describe('withdrawalEffect (what a withdrawal by the router does)', () => {
  it('withdraws an open or expired offer', () => {
    expect(withdrawalEffect('open')).toBe('withdraw');
    expect(withdrawalEffect('expired')).toBe('withdraw');
  });

  it('keeps an accepted offer accepted and only notes the reason', () => {
    expect(withdrawalEffect('accepted')).toBe('note-on-accepted');
  });

  it('does nothing to rejected or withdrawn offers, nor to offers this service never had', () => {
    expect(withdrawalEffect('rejected')).toBe('nothing');
    expect(withdrawalEffect('withdrawn')).toBe('nothing');
    expect(withdrawalEffect(undefined)).toBe('nothing');
  });
});
