import { HttpStatus } from '@nestjs/common';
import { AuthUser, inJurisdiction, significantPrefix } from '@legal/auth';
import { DomainError } from '@legal/http';

/**
 * The region-code prefix a staff member's lists are limited to: undefined = everything (admins),
 * '' never matches anything real (staff without a region see nothing).
 */
export function jurisdictionPrefix(user: AuthUser): string | undefined {
  if (user.roles.includes('admin')) return undefined;
  return user.regionCode ? significantPrefix(user.regionCode) : '\u0000';
}

/** 403 when a record lies outside the caller's area. */
export function assertInJurisdiction(user: AuthUser, regionCode: string): void {
  if (!inJurisdiction(user, regionCode)) {
    throw new DomainError(
      'out-of-jurisdiction',
      `This record belongs to region ${regionCode}, outside your jurisdiction`,
      HttpStatus.FORBIDDEN,
    );
  }
}
