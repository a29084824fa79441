import { createLocalJWKSet, createRemoteJWKSet, JSONWebKeySet, JWTPayload, jwtVerify } from 'jose';
import type { AuthUser } from './auth-user';
import { isRole } from './roles';

export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  jwksJson?: string;
}

/** The only signature algorithm accepted; `alg: none` and HMAC confusion are refused by jose. */
export const ACCESS_TOKEN_ALG = 'ES256';

type KeyResolver = ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

/** Verifies access tokens against the issuer's JWKS (fetched once, cached, refreshed on unknown kid). */
export class TokenVerifier {
  private readonly keys: KeyResolver;

  constructor(private readonly settings: TokenVerifierSettings) {
    this.keys = settings.jwksJson
      ? createLocalJWKSet(JSON.parse(settings.jwksJson) as JSONWebKeySet)
      : createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 3000 });
  }

  async verify(token: string): Promise<AuthUser> {
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      algorithms: [ACCESS_TOKEN_ALG],
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: 5,
    });
    if (payload.token_use !== undefined && payload.token_use !== 'access') throw new Error('not an access token');
    return toAuthUser(payload);
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
