import { IdentitySchema1764320000000 } from './1764320000000-identity-schema';
import { PartnerClientRegion1764320000001 } from './1764320000001-partner-client-region';
import { PartnerTransfers1764320000002 } from './1764320000002-partner-transfers';
import { PartnerTransferPendingStatus1764320000003 } from './1764320000003-partner-transfer-pending-status';

/** Committed migrations of the identity schema, oldest first. */
export const IdentityMigrations = [
  IdentitySchema1764320000000,
  PartnerClientRegion1764320000001,
  PartnerTransfers1764320000002,
  PartnerTransferPendingStatus1764320000003,
];
