import { Transform } from 'class-transformer';
import { DevelopmentDefault } from './development-default';
import { isIP } from 'node:net';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidationArguments,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/** The value must be greater than another numeric variable of the same object. */
function ExceedsField(other: string, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'exceedsField',
    constraints: [other],
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        const compared = (args?.object as Record<string, unknown> | undefined)?.[other];
        return typeof value !== 'number' || typeof compared !== 'number' || value > compared;
      },
      defaultMessage: (): string => message,
    },
  });
}

/** The value must be at least `times` times another numeric variable of the same object. */
function AtLeastTimesField(other: string, times: number, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'atLeastTimesField',
    constraints: [other, times],
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        const compared = (args?.object as Record<string, unknown> | undefined)?.[other];
        return typeof value !== 'number' || typeof compared !== 'number' || value >= compared * times;
      },
      defaultMessage: (): string => message,
    },
  });
}

/** A comma-separated list of IP addresses, CIDR ranges or express's names (loopback, linklocal, uniquelocal). */
function IsProxyList(): PropertyDecorator {
  const entry = (item: string): boolean => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
    const [address, prefix, ...rest] = item.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  };
  return ValidateBy({
    name: 'isProxyList',
    validator: {
      validate: (value: unknown): boolean =>
        typeof value === 'string' && (value.trim() === '' || value.split(',').every((item) => entry(item.trim()))),
      defaultMessage: (): string =>
        'TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.0/8,::1)',
    },
  });
}

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/**
 * Variables every service reads. A service extends this class with its own variables and
 * passes its defaults (port, schema) to `loadConfig`. Every variable is listed in `.env.example`.
 */
export class BaseEnv {
  /**
   * Production unless told otherwise: a deployment that forgets NODE_ENV gets the strict checks
   * (no development secrets, no development accounts, no logged one-time codes). `npm start` and
   * `deploy/local/services.sh` ask for development on purpose; the test harness sets `test`.
   */
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'production';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toBool)
  @IsBoolean()
  LOG_PRETTY = false;

  @IsString()
  HOST = '0.0.0.0';

  /** 0 asks the OS for a free port (used by tests). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Public base URL of this service, used in problem+json `type` links and OpenAPI servers. */
  @IsOptional()
  @IsString()
  PUBLIC_URL?: string;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/legal_services';

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_SCHEMA must be a lower-case SQL identifier' })
  DB_SCHEMA = 'public';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** How long a request waits for a free pooled connection before it is answered 503 (Retry-After). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  DB_CONNECT_TIMEOUT_MS = 5000;

  /** Days processed-event ids stay in the inbox (duplicate protection); must exceed KAFKA_RETENTION_DAYS. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(3650)
  @ExceedsField(
    'KAFKA_RETENTION_DAYS',
    'INBOX_RETENTION_DAYS must exceed KAFKA_RETENTION_DAYS: a redelivered event must still find its id',
  )
  INBOX_RETENTION_DAYS = 30;

  @Transform(toBool)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  /**
   * Times the broker may reject one outbox row (record too large, topic missing or not authorised) before
   * it is quarantined and later events of its key are held behind it; broker outages never count.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_MAX_ATTEMPTS = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for every Redis key this deployment writes (lets tests and tenants share a server). */
  @IsString()
  REDIS_KEY_PREFIX = 'legal:';

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /**
   * The service's Kafka principal (SASL/SCRAM-SHA-512). Empty: the service's own name (work-order, portal,
   * ...), which the provisioning step grants exactly the ACLs the event contracts give that service.
   */
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'KAFKA_SASL_USERNAME may only contain letters, digits, . _ -' })
  KAFKA_SASL_USERNAME = '';

  /**
   * The principal's password. Empty outside production: the development password `dev-kafka-<username>`
   * that deploy/local/kafka.sh bootstraps. Production must set its own (and never a `dev-kafka-` one).
   */
  @DevelopmentDefault()
  @IsString()
  @ValidateBy({
    name: 'notDevelopmentKafkaPassword',
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean =>
        (args?.object as { NODE_ENV?: string } | undefined)?.NODE_ENV !== 'production' ||
        typeof value !== 'string' ||
        !value.startsWith('dev-kafka-'),
      defaultMessage: (): string =>
        'KAFKA_SASL_PASSWORD must not be a published development password (dev-kafka-...) in production',
    },
  })
  KAFKA_SASL_PASSWORD = '';

  /** Prefix for every topic and consumer group name (isolates test runs on a shared broker). */
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may only contain letters, digits, . _ -' })
  KAFKA_TOPIC_PREFIX = '';

  /** Partitions for topics this service creates at start-up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  KAFKA_PARTITIONS = 6;

  /** Days events stay on the topics this service creates (a consumer may be down this long and catch up). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  KAFKA_RETENTION_DAYS = 7;

  /** Days dead letters stay on their `.dlq` topics; 0 keeps them until someone replays or removes them. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  KAFKA_DLQ_RETENTION_DAYS = 0;

  /**
   * A consumer that stops heartbeating (a crashed or killed instance) is dropped from its groups after this long
   * and its partitions go to the live members: the longest stall a crash causes. Between the broker's
   * group.min.session.timeout.ms and group.max.session.timeout.ms (6000 and 30000 in deploy/local and compose).
   */
  @Transform(toInt)
  @IsInt()
  @Min(6000)
  @Max(30000)
  @AtLeastTimesField(
    'KAFKA_HEARTBEAT_INTERVAL_MS',
    3,
    'KAFKA_SESSION_TIMEOUT_MS must be at least 3 x KAFKA_HEARTBEAT_INTERVAL_MS',
  )
  KAFKA_SESSION_TIMEOUT_MS = 10000;

  /** How often a consumer heartbeats its groups (also during long batches). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(10000)
  KAFKA_HEARTBEAT_INTERVAL_MS = 1000;

  /** How long SIGTERM waits for in-flight requests and messages before closing connections. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120000)
  SHUTDOWN_GRACE_MS = 10000;

  /** Token issuer every service trusts (the identity service, or the province's OIDC platform). */
  @IsString()
  AUTH_ISSUER = 'http://127.0.0.1:3007';

  @IsString()
  AUTH_AUDIENCE = 'legal-services';

  /** Where the issuer's signing keys are published (cached by every service). */
  @Matches(/^https?:\/\/.+/, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL = 'http://127.0.0.1:3007/.well-known/jwks.json';

  /** Inline JWKS (JSON) used instead of AUTH_JWKS_URL; for tests and air-gapped deployments. */
  @IsOptional()
  @IsString()
  AUTH_JWKS_JSON?: string;

  /**
   * Seconds after a successful JWKS fetch before the set is refreshed again (in the background: calls
   * keep being verified with the keys already known, also while the issuer is unreachable).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  AUTH_JWKS_CACHE_SECONDS = 600;

  /** How long one JWKS fetch may take before it is given up (the known keys stay in use). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(30000)
  AUTH_JWKS_TIMEOUT_MS = 2000;

  /**
   * Seconds a key that the issuer stopped publishing is still accepted after the fetch that no longer
   * listed it. 0 (default): dropped at that fetch, right for the identity service, which keeps retired keys
   * published until the tokens they signed have expired, and for revoking a leaked key. Raise it (to the
   * access-token lifetime) only for an issuer that unpublishes keys while their tokens are still valid.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  AUTH_JWKS_RETIRED_KEY_GRACE_SECONDS = 0;

  /** Secret for keyed hashes (HMAC-SHA256) of phone and ID-card numbers; the same in every service. */
  @DevelopmentDefault()
  @IsString()
  @Matches(/^.{16,}$/, { message: 'PII_HASH_KEY must be at least 16 characters' })
  PII_HASH_KEY = 'dev-only-pii-hash-key-change-me';

  /**
   * Key-encryption keys for personal data at rest (envelope encryption, compact JWE A256KW+A256GCM
   * with kid): `kid:base64-32-bytes[,kid:base64-32-bytes...]`, the first seals, all open. Rotate by
   * putting a new key first (libs/privacy/README.md, deploy/README.md).
   */
  @DevelopmentDefault()
  @Matches(/^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/_-]{43}=?(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/_-]{43}=?)*$/, {
    message: 'PII_KEYRING must be kid:base64key[,kid:base64key...] with 32-byte keys (first = current)',
  })
  PII_KEYRING = 'dev-1:brdM+UCvaIOGY1WJqKDn0xRXejWbWq5aojvSwWUuleo=';

  /**
   * This service's X25519 private keys for personal data in events (`kid:base64url-32-bytes,...`,
   * first = current, the one in PII_TRANSIT_DIRECTORY); `development` derives them from the service name.
   */
  @DevelopmentDefault()
  @Matches(/^(development|[A-Za-z0-9._-]{1,64}:[A-Za-z0-9_-]{43}(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9_-]{43})*)$/, {
    message: 'PII_TRANSIT_KEYS must be kid:base64url-x25519-private[,...] (first = current)',
  })
  PII_TRANSIT_KEYS = 'development';

  /**
   * Current X25519 public key of every service that reads sealed event fields (not secret):
   * JSON `{"legal-aid":"kid:base64url-public", ...}`; `development` derives them from service names.
   */
  @DevelopmentDefault()
  @Matches(/^(development|\{.*\})$/s, {
    message: 'PII_TRANSIT_DIRECTORY must be JSON {"service":"kid:base64url-public",...}',
  })
  PII_TRANSIT_DIRECTORY = 'development';

  /** Legacy: the single AES-256-GCM key (64 hex chars) of `v1.` values written before PII_KEYRING; still read. */
  @DevelopmentDefault()
  @Matches(/^[0-9a-f]{64}$/, { message: 'PII_ENCRYPTION_KEY must be 64 hex characters (32 bytes)' })
  PII_ENCRYPTION_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

  /**
   * Proxies (load balancers, ingress) whose X-Forwarded-For is believed, as IP addresses or CIDR
   * ranges, comma-separated. Empty (the default): none, the client address is the TCP peer and a
   * forged X-Forwarded-For changes nothing. Behind a load balancer, list its addresses, or every
   * citizen shares the balancer's per-IP rate limits.
   */
  @IsProxyList()
  TRUSTED_PROXIES = '';

  /** Largest JSON body accepted, e.g. `256kb`. */
  @Matches(/^\d+(b|kb|mb)$/, { message: 'HTTP_BODY_LIMIT must look like 256kb' })
  HTTP_BODY_LIMIT = '256kb';
}
