export { OFFER_STATUSES, Offer } from './offer.entity';
export type { OfferStatus } from './offer.entity';
export { OFFER_SWEEP_INTERVAL_MS, OfferExpirySweeper } from './offer-expiry.sweeper';
