import { offerKitColumnsMigration } from '@legal/handler-kit';

/** The offer table gains the handler kit's columns (legal deadline, opened case). */
export const OfferKitColumns1764320000002 = offerKitColumnsMigration(1764320000002);
