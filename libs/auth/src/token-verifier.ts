import {
  createLocalJWKSet,
  decodeProtectedHeader,
  FlattenedJWSInput,
  JSONWebKeySet,
  JWTHeaderParameters,
  JWTPayload,
  jwtVerify,
  CryptoKey,
} from 'jose';
import type { AuthUser } from './auth-user';
import { JwksKeyCache } from './jwks-cache';
import { isRole } from './roles';

export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  jwksJson?: string;
  /** Seconds of clock skew tolerated on exp/iat/nbf (default 5). */
  clockToleranceSeconds?: number;
  /** Minimum time between two JWKS fetches triggered by an unknown `kid` (default 30 s). */
  jwksCooldownMs?: number;
  /** Seconds after a successful JWKS fetch before it is refreshed in the background (default 600). */
  jwksCacheSeconds?: number;
  /** Timeout of one JWKS fetch (default 2000 ms). */
  jwksTimeoutMs?: number;
  /** Seconds a key the issuer stopped publishing is still accepted (default 0: dropped at the fetch that no longer lists it). */
  jwksRetiredKeyGraceSeconds?: number;
}

/** The only signature algorithm accepted; `alg: none` and HMAC confusion are refused. */
export const ACCESS_TOKEN_ALG = 'ES256';

/** Finds the verification key for a token header; undefined when the resolver does not know the `kid`. */
export type LocalKeyResolver = (header: JWTHeaderParameters) => Promise<CryptoKey | undefined>;

type KeyResolver = (header: JWTHeaderParameters, input: FlattenedJWSInput) => Promise<CryptoKey>;

/** Why a token was refused; logged by nobody (the reason is not told to the caller either). */
export class TokenRejectedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TokenRejectedError';
  }
}

/**
 * Verifies access tokens against the issuer's JWKS, kept by a JwksKeyCache: known keys answer at
 * once, also while the issuer is down (refreshed in the background after `jwksCacheSeconds`, fetched
 * with a short timeout, a key dropped only after a successful fetch stopped listing it and a grace
 * period); an unknown kid waits for one fetch at most once per cooldown. Checks, in order: compact JWS shape, `alg` pinned to
 * ES256 (before any key is looked up), signature, issuer, audience, expiry, `token_use`.
 */
export class TokenVerifier {
  private readonly keys: KeyResolver;
  private localKeys: LocalKeyResolver | undefined;

  constructor(private readonly settings: TokenVerifierSettings) {
    this.keys = settings.jwksJson
      ? createLocalJWKSet(JSON.parse(settings.jwksJson) as JSONWebKeySet)
      : this.remoteKeys(settings);
  }

  private remoteKeys(settings: TokenVerifierSettings): KeyResolver {
    const cache = new JwksKeyCache({
      url: settings.jwksUrl,
      refreshAfterMs: (settings.jwksCacheSeconds ?? 600) * 1000,
      timeoutMs: settings.jwksTimeoutMs ?? 2000,
      retiredKeyGraceMs: (settings.jwksRetiredKeyGraceSeconds ?? 0) * 1000,
      unknownKidCooldownMs: settings.jwksCooldownMs ?? 30_000,
    });
    return (header) => cache.resolve(header);
  }

  get issuer(): string {
    return this.settings.issuer;
  }

  get audience(): string {
    return this.settings.audience;
  }

  /**
   * Lets the token issuer itself (the identity service) verify its own tokens from its key ring
   * instead of fetching its own JWKS over HTTP. Keys it does not know still go to the JWKS.
   */
  trustLocalKeys(resolver: LocalKeyResolver): void {
    this.localKeys = resolver;
  }

  /**
   * `at`: verify as of this instant instead of now (expiry, not-before, issued-at). For a token carried
   * inside an event as proof of who sent it: it must have been valid when the event was sent.
   */
  async verify(token: string, options: { at?: Date } = {}): Promise<AuthUser> {
    const header = safeHeader(token);
    if (header.alg !== ACCESS_TOKEN_ALG)
      throw new TokenRejectedError(`algorithm ${String(header.alg)} is not accepted`);
    const getKey = async (protectedHeader: JWTHeaderParameters, input: FlattenedJWSInput): Promise<CryptoKey> => {
      const local = this.localKeys ? await this.localKeys(protectedHeader) : undefined;
      return local ?? this.keys(protectedHeader, input);
    };
    const { payload } = await jwtVerify(token, getKey, {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      algorithms: [ACCESS_TOKEN_ALG],
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: this.settings.clockToleranceSeconds ?? 5,
      ...(options.at ? { currentDate: options.at } : {}),
    });
    if (payload.token_use !== undefined && payload.token_use !== 'access')
      throw new TokenRejectedError('not an access token');
    const tolerance = this.settings.clockToleranceSeconds ?? 5;
    if (options.at && typeof payload.iat === 'number' && payload.iat > options.at.getTime() / 1000 + tolerance)
      throw new TokenRejectedError('issued after the instant it is verified at');
    return toAuthUser(payload);
  }
}

function safeHeader(token: string): JWTHeaderParameters {
  if (token.split('.').length !== 3) throw new TokenRejectedError('not a compact JWS');
  try {
    return decodeProtectedHeader(token) as JWTHeaderParameters;
  } catch {
    throw new TokenRejectedError('unreadable token header');
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function toAuthUser(payload: JWTPayload): AuthUser {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
  return {
    subject: String(payload.sub),
    roles,
    organisationId: optionalString(payload.org),
    regionCode: optionalString(payload.region),
    phone: optionalString(payload.phone_number),
    clientId: optionalString(payload.client_id),
    tokenId: optionalString(payload.jti),
  };
}
