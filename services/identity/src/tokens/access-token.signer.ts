import { Injectable } from '@nestjs/common';
import type { Role } from '@legal/auth';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { IdentityEnv } from '../config/identity.env';
import { KeyRingService } from '../keys/key-ring.service';
import { SIGNING_ALG } from '../keys/key-rotation';

/** What an access token says about its holder (mapped to AuthUser by libs/auth). */
export interface AccessClaims {
  subject: string;
  roles: Role[];
  organisationId?: string;
  regionCode?: string;
  /** Citizens: the normalised mobile number they signed in with. */
  phone?: string;
  /** Partners: their client id. */
  clientId?: string;
}

export interface SignedAccessToken {
  token: string;
  expiresIn: number;
  kid: string;
}

/** Signs short-lived ES256 access tokens (RFC 9068 `at+jwt`) with the active key; `kid` in the header. */
@Injectable()
export class AccessTokenSigner {
  constructor(
    private readonly keys: KeyRingService,
    private readonly env: IdentityEnv,
  ) {}

  async sign(claims: AccessClaims): Promise<SignedAccessToken> {
    const signer = await this.keys.currentSigner();
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = this.env.IDENTITY_ACCESS_TOKEN_TTL_SECONDS;
    const payload: Record<string, unknown> = { roles: claims.roles, token_use: 'access' };
    if (claims.organisationId) payload.org = claims.organisationId;
    if (claims.regionCode) payload.region = claims.regionCode;
    if (claims.phone) payload.phone_number = claims.phone;
    if (claims.clientId) payload.client_id = claims.clientId;
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: SIGNING_ALG, kid: signer.kid, typ: 'at+jwt' })
      .setIssuer(this.env.AUTH_ISSUER)
      .setAudience(this.env.AUTH_AUDIENCE)
      .setSubject(claims.subject)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .setJti(randomUUID())
      .sign(signer.key);
    return { token, expiresIn, kid: signer.kid };
  }
}
