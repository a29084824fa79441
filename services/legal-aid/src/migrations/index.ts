import { LegalAidSchema1764310400000 } from './1764310400000-legal-aid-schema';
import { LegalAidReferenceData1764310400001 } from './1764310400001-legal-aid-reference-data';
import { OfferKitTable1764310400002 } from './1764310400002-offer-kit-table';

/** Committed migrations of the legal_aid schema, oldest first. */
export const LegalAidMigrations = [
  LegalAidSchema1764310400000,
  LegalAidReferenceData1764310400001,
  OfferKitTable1764310400002,
];
