import { IdentitySchema1764320000000 } from './1764320000000-identity-schema';

/** Committed migrations of the identity schema, oldest first. */
export const IdentityMigrations = [IdentitySchema1764320000000];
