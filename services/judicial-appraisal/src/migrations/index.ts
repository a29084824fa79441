import { JudicialAppraisalSchema1764900000000 } from './1764900000000-judicial-appraisal-schema';
import { SeedInstitutions1764900000001 } from './1764900000001-seed-institutions';
import { OfferTable1764900000002 } from './1764900000002-offer-table';
import { PartnerEntrustment1764900000003 } from './1764900000003-partner-entrustment';

/** Committed migrations of the judicial_appraisal schema, oldest first. */
export const JudicialAppraisalMigrations = [
  JudicialAppraisalSchema1764900000000,
  SeedInstitutions1764900000001,
  OfferTable1764900000002,
  PartnerEntrustment1764900000003,
];
