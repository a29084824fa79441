import { IdentitySchema1764320000000 } from './1764320000000-identity-schema';
import { PartnerClientRegion1764320000001 } from './1764320000001-partner-client-region';

/** Committed migrations of the identity schema, oldest first. */
export const IdentityMigrations = [IdentitySchema1764320000000, PartnerClientRegion1764320000001];
