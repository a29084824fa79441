import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@legal/http';

/**
 * Token-endpoint failures are problem+json like every other error here, and carry the RFC 6749
 * `error` member as an extension so that OAuth client libraries understand them too.
 */
export type OAuthErrorCode =
  'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type';

export function oauthError(
  error: OAuthErrorCode,
  code: string,
  detail: string,
  status: HttpStatus,
  extensions: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, detail, status, undefined, { error, ...extensions });
}

/** Wrong password, code or refresh token: deliberately the same answer for unknown accounts. */
export function invalidGrant(detail = 'The credentials are not valid', code = 'invalid-grant'): DomainError {
  return oauthError('invalid_grant', code, detail, HttpStatus.BAD_REQUEST);
}

export function invalidClient(detail = 'Client authentication failed'): DomainError {
  return oauthError('invalid_client', 'invalid-client', detail, HttpStatus.UNAUTHORIZED);
}

/** 423 Locked: too many failed passwords; `lockedForSeconds` says when to try again. */
export function accountLocked(lockedForSeconds: number): DomainError {
  const minutes = Math.max(1, Math.ceil(lockedForSeconds / 60));
  return oauthError(
    'invalid_grant',
    'account-locked',
    `Too many failed sign-in attempts: the account is locked for ${minutes} min (or until an administrator unlocks it)`,
    HttpStatus.LOCKED,
    {
      lockedForSeconds,
    },
  );
}
