import { NotarizationSchema1764330000000 } from './1764330000000-notarization-schema';
import { SeedMatterCatalogue1764330000001 } from './1764330000001-seed-matter-catalogue';
import { OfferKitColumns1764330000002 } from './1764330000002-offer-kit-columns';

/** Committed migrations of the notarization schema, oldest first. */
export const NotarizationMigrations = [
  NotarizationSchema1764330000000,
  SeedMatterCatalogue1764330000001,
  OfferKitColumns1764330000002,
];
