import { offerKitColumnsMigration } from '@legal/handler-kit';

/** The offer table gains the handler kit's columns (legal deadline, opened application). */
export const OfferKitColumns1764330000002 = offerKitColumnsMigration(1764330000002);
