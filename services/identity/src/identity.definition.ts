import type { ServiceDefinition } from '@legal/service-kit';
import { CitizenAccount } from './citizens/entities/citizen-account.entity';
import { OtpChallenge } from './citizens/entities/otp-challenge.entity';
import { IdentityEnv } from './config/identity.env';
import { IdentityModule } from './identity.module';
import { SigningKey } from './keys/entities/signing-key.entity';
import { IdentityMigrations } from './migrations';
import { PartnerTransfer } from './partner-transfers/entities/partner-transfer.entity';
import { PendingTransferStatus } from './partner-transfers/entities/pending-transfer-status.entity';
import { PartnerClient } from './partners/entities/partner-client.entity';
import { StaffUser } from './staff/entities/staff-user.entity';
import { RefreshToken } from './tokens/entities/refresh-token.entity';

export const IDENTITY_ENTITIES = [
  SigningKey,
  StaffUser,
  CitizenAccount,
  OtpChallenge,
  PartnerClient,
  PartnerTransfer,
  PendingTransferStatus,
  RefreshToken,
];

export const identityService: ServiceDefinition<IdentityEnv> = {
  name: 'identity',
  title: 'Identity service',
  description:
    'OIDC-compatible token issuer: discovery and JWKS (ES256, rotating keys), staff password sign-in with lockout, ' +
    'citizen phone + one-time code sign-in, partner client credentials, rotating refresh tokens with reuse detection.',
  envClass: IdentityEnv,
  defaults: { PORT: 3007, DB_SCHEMA: 'identity' },
  persistence: { entities: IDENTITY_ENTITIES, migrations: IdentityMigrations },
  rootModule: (env) => IdentityModule.forRoot(env),
};
