import { MediationSchema1764320000000 } from './1764320000000-mediation-schema';
import { SeedCommitteesAndKeywords1764320000001 } from './1764320000001-seed-committees-and-keywords';
import { OfferKitColumns1764320000002 } from './1764320000002-offer-kit-columns';

/** Committed migrations of the mediation schema, oldest first. */
export const MediationMigrations = [
  MediationSchema1764320000000,
  SeedCommitteesAndKeywords1764320000001,
  OfferKitColumns1764320000002,
];
