import { offerTableMigration } from '@legal/handler-kit';

/** The handler kit's offer table in this schema. */
export const OfferTable1764900000002 = offerTableMigration(1764900000002);
