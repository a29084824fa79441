import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  FlattenedJWSInput,
  JSONWebKeySet,
  JWTHeaderParameters,
  JWTPayload,
  jwtVerify,
  KeyLike,
} from 'jose';
import type { AuthUser } from './auth-user';
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
}

/** The only signature algorithm accepted; `alg: none` and HMAC confusion are refused. */
export const ACCESS_TOKEN_ALG = 'ES256';

/** Finds the verification key for a token header; undefined when the resolver does not know the `kid`. */
export type LocalKeyResolver = (header: JWTHeaderParameters) => Promise<KeyLike | undefined>;

type KeyResolver = ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

/** Why a token was refused; logged by nobody (the reason is not told to the caller either). */
export class TokenRejectedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TokenRejectedError';
  }
}

/**
 * Verifies access tokens against the issuer's JWKS (fetched once, cached 10 minutes, refetched on
 * an unknown kid at most once per cooldown). Checks, in order: compact JWS shape, `alg` pinned to
 * ES256 (before any key is looked up), signature, issuer, audience, expiry, `token_use`.
 */
export class TokenVerifier {
  private readonly keys: KeyResolver;
  private localKeys: LocalKeyResolver | undefined;

  constructor(private readonly settings: TokenVerifierSettings) {
    this.keys = settings.jwksJson
      ? createLocalJWKSet(JSON.parse(settings.jwksJson) as JSONWebKeySet)
      : createRemoteJWKSet(new URL(settings.jwksUrl), {
          cooldownDuration: settings.jwksCooldownMs ?? 30_000,
          cacheMaxAge: 10 * 60_000,
          timeoutDuration: 3000,
        });
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

  async verify(token: string): Promise<AuthUser> {
    const header = safeHeader(token);
    if (header.alg !== ACCESS_TOKEN_ALG) throw new TokenRejectedError(`algorithm ${String(header.alg)} is not accepted`);
    const getKey = async (protectedHeader: JWTHeaderParameters, input: FlattenedJWSInput): Promise<KeyLike> => {
      const local = this.localKeys ? await this.localKeys(protectedHeader) : undefined;
      return local ?? this.keys(protectedHeader, input);
    };
    const { payload } = await jwtVerify(token, getKey, {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      algorithms: [ACCESS_TOKEN_ALG],
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: this.settings.clockToleranceSeconds ?? 5,
    });
    if (payload.token_use !== undefined && payload.token_use !== 'access') throw new TokenRejectedError('not an access token');
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
