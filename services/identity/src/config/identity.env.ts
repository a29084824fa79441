import { BaseEnv, DevelopmentDefault } from '@legal/config';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidationArguments,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/** The variable may not be true when NODE_ENV=production (checked with the rest of the configuration: exit 78). */
function NotInProduction(message: string): PropertyDecorator {
  return ValidateBy({
    name: 'notInProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean =>
        !(value === true && (args?.object as BaseEnv | undefined)?.NODE_ENV === 'production'),
      defaultMessage: (): string => message,
    },
  });
}

/** The development default of IDENTITY_SIGNING_KEY_SECRET; a production start with it is refused (exit 78). */
export const DEV_SIGNING_KEY_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff';

/**
 * Environment of the identity service: the shared variables (see .env.example) plus its own.
 * The service signs with issuer AUTH_ISSUER and audience AUTH_AUDIENCE, the values every service checks.
 */
export class IdentityEnv extends BaseEnv {
  /** Lifetime of access tokens (JWT, ES256). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  IDENTITY_ACCESS_TOKEN_TTL_SECONDS = 600;

  /** A refresh token unused for this long expires (each use rotates it). */
  @Transform(toInt)
  @IsInt()
  @Min(300)
  IDENTITY_REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;

  /** Absolute lifetime of a sign-in session (refresh-token family): sign in again after it. */
  @Transform(toInt)
  @IsInt()
  @Min(300)
  IDENTITY_REFRESH_FAMILY_TTL_SECONDS = 30 * 24 * 3600;

  /** 64 hex chars (32 bytes): AES-256-GCM key sealing the private signing keys in the database. */
  @DevelopmentDefault()
  @Matches(/^[0-9a-f]{64}$/, { message: 'IDENTITY_SIGNING_KEY_SECRET must be 64 hex characters (32 bytes)' })
  IDENTITY_SIGNING_KEY_SECRET = DEV_SIGNING_KEY_SECRET;

  /** How long an instance keeps using the signing key it loaded (other instances' rotations show up after this). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  IDENTITY_SIGNING_KEY_CACHE_SECONDS = 30;

  /** Lifetime of a one-time sign-in code sent by SMS. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(1800)
  IDENTITY_OTP_TTL_SECONDS = 300;

  /** Wrong guesses allowed per one-time code before it is void. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  IDENTITY_OTP_MAX_ATTEMPTS = 5;

  /** Where one-time codes go: `log` (development sender: logs that a code was sent; the code itself only in development/test). */
  @IsIn(['log'])
  IDENTITY_SMS_SENDER = 'log' as const;

  /** Failed staff passwords within the window that lock the account. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  IDENTITY_SIGN_IN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  IDENTITY_SIGN_IN_FAILURE_WINDOW_SECONDS = 900;

  /** How long a locked staff account stays locked (an admin may unlock it earlier). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  IDENTITY_SIGN_IN_LOCK_SECONDS = 900;

  /**
   * Create one staff user per role and a partner client with known credentials (services/identity/README.md).
   * Default: true when NODE_ENV=development, false otherwise; refused when NODE_ENV=production.
   */
  @NotInProduction('SEED_DEV_USERS=true is refused in production: development accounts have published passwords')
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEV_USERS?: boolean = undefined;

  /**
   * The partner gateway grants a partner principal's broker ACLs when its client is created or enabled and
   * removes them when it is disabled, with the Kafka admin principal (KAFKA_ADMIN_USERNAME/PASSWORD).
   * false: the identity service never changes ACLs; operators run the provisioning command
   * (`--partner <clientId>` / `--remove-partner <clientId>`, see deploy/README.md).
   */
  @Transform(toBool)
  @IsBoolean()
  @ValidateBy({
    name: 'adminCredentialInProduction',
    validator: {
      // The admin credential is read from the environment by @legal/messaging (kafkaAdminCredentialsFromEnv).
      validate: (value: unknown, args?: ValidationArguments): boolean =>
        !(
          value === true &&
          (args?.object as BaseEnv | undefined)?.NODE_ENV === 'production' &&
          !process.env.KAFKA_ADMIN_PASSWORD
        ),
      defaultMessage: (): string =>
        'IDENTITY_MANAGE_PARTNER_ACLS=true needs KAFKA_ADMIN_PASSWORD in production (or set it to false and apply partner ACLs with the provisioning command)',
    },
  })
  IDENTITY_MANAGE_PARTNER_ACLS = true;
}

export function shouldSeedDevUsers(env: IdentityEnv): boolean {
  return env.SEED_DEV_USERS ?? env.NODE_ENV === 'development';
}
