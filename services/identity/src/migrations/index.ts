import { IdentitySchema1764320000000 } from './1764320000000-identity-schema';
import { PartnerClientRegion1764320000001 } from './1764320000001-partner-client-region';
import { PartnerTransfers1764320000002 } from './1764320000002-partner-transfers';

/** Committed migrations of the identity schema, oldest first. */
export const IdentityMigrations = [IdentitySchema1764320000000, PartnerClientRegion1764320000001, PartnerTransfers1764320000002];
