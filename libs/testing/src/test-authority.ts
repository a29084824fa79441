import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, JWK, CryptoKey, SignJWT } from 'jose';
import type { Role } from '@legal/auth';

export interface TestTokenClaims {
  sub?: string;
  roles: Role[];
  org?: string;
  region?: string;
  phone?: string;
  clientId?: string;
  /** Seconds until expiry; negative makes an expired token. */
  expiresIn?: number;
  issuer?: string;
  audience?: string;
}

/**
 * A signing authority for tests: its JWKS is handed to services under test (AUTH_JWKS_JSON), and
 * it signs tokens for any role. Real tokens from the identity service are tested separately.
 */
export class TestAuthority {
  static readonly issuer = 'http://test-issuer.local';
  static readonly audience = 'legal-services';

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    readonly kid: string,
  ) {}

  static async create(): Promise<TestAuthority> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = randomUUID();
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    return new TestAuthority(privateKey, jwk, kid);
  }

  get jwksJson(): string {
    return JSON.stringify({ keys: [this.publicJwk] });
  }

  /** Environment overrides that make a service trust this authority. */
  get env(): Record<string, string> {
    return { AUTH_ISSUER: TestAuthority.issuer, AUTH_AUDIENCE: TestAuthority.audience, AUTH_JWKS_JSON: this.jwksJson };
  }

  async token(claims: TestTokenClaims): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = { roles: claims.roles, token_use: 'access' };
    if (claims.org) payload.org = claims.org;
    if (claims.region) payload.region = claims.region;
    if (claims.phone) payload.phone_number = claims.phone;
    if (claims.clientId) payload.client_id = claims.clientId;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .setSubject(claims.sub ?? `user-${randomUUID().slice(0, 8)}`)
      .setIssuer(claims.issuer ?? TestAuthority.issuer)
      .setAudience(claims.audience ?? TestAuthority.audience)
      .setIssuedAt(now)
      .setJti(randomUUID())
      .setExpirationTime(now + (claims.expiresIn ?? 600))
      .sign(this.privateKey);
  }

  /** `Authorization` header value for supertest's `.set('authorization', ...)`. */
  async bearer(claims: TestTokenClaims): Promise<string> {
    return `Bearer ${await this.token(claims)}`;
  }
}
