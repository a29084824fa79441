import { HttpStatus } from '@nestjs/common';
import { AuthUser, inJurisdiction, significantPrefix } from '@legal/auth';
import { DomainError } from '@legal/http';

/** Refuses staff acting on a record outside their organisation's area (admins act everywhere). */
export function assertInJurisdiction(user: AuthUser, regionCode: string, what: string): void {
  if (!inJurisdiction(user, regionCode)) {
    throw new DomainError(
      'out-of-jurisdiction',
      `${what} belongs to ${regionCode}, outside your jurisdiction`,
      HttpStatus.FORBIDDEN,
    );
  }
}

/** The region-code prefix a list is limited to: '' for admins (everything), undefined for no access. */
export function jurisdictionPrefix(user: AuthUser): string | undefined {
  if (user.roles.includes('admin')) return '';
  return user.regionCode ? significantPrefix(user.regionCode) : undefined;
}

/** A LIKE pattern for a prefix: `_` and `%` in codes are impossible (digits only), but escape anyway. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
