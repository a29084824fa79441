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

/**
 * Refuses staff deciding an offer made to another organisation: in a city with several institutions, the area
 * alone would let one institution's staff accept another's offer. Admins decide any offer.
 */
export function assertOwnOrganisation(user: AuthUser, organisationId: string, what: string): void {
  if (user.roles.includes('admin') || user.organisationId === organisationId) return;
  throw new DomainError(
    'other-organisation',
    `${what} was made to ${organisationId}; only its staff can accept or reject it`,
    HttpStatus.FORBIDDEN,
  );
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
