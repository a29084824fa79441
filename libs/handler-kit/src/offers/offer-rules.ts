import type { OfferStatus } from './offer.entity';

/** Why an offer cannot be decided now: the 409 code and message staff get. */
export interface Undecidable {
  code: string;
  message: string;
}

interface DecidableQuestion {
  id: string;
  status: OfferStatus;
  expiresAt: Date;
  withdrawalReason: string | null;
}

/**
 * Whether staff (or the system) may accept or reject the offer now: only an open offer not past its
 * expiry (the sweeper may not have marked it yet). Pure; the caller holds the row lock.
 */
export function undecidable(offer: DecidableQuestion, now: Date): Undecidable | undefined {
  if (offer.status === 'withdrawn') {
    const reason = offer.withdrawalReason ?? 'no reason given';
    return { code: 'offer-withdrawn', message: `Offer ${offer.id} was withdrawn (${reason})` };
  }
  if (offer.status === 'expired' || (offer.status === 'open' && offer.expiresAt.getTime() <= now.getTime())) {
    return { code: 'offer-expired', message: `Offer ${offer.id} expired at ${offer.expiresAt.toISOString()}` };
  }
  if (offer.status !== 'open') {
    return { code: `offer-already-${offer.status}`, message: `Offer ${offer.id} was already ${offer.status}` };
  }
  return undefined;
}

/** What a withdrawal by the router does to an offer in `status`. */
export type WithdrawalEffect = 'withdraw' | 'note-on-accepted' | 'nothing';

export function withdrawalEffect(status: OfferStatus | undefined): WithdrawalEffect {
  if (status === 'open' || status === 'expired') return 'withdraw';
  if (status === 'accepted') return 'note-on-accepted';
  return 'nothing';
}
