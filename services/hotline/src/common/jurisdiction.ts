import { HttpStatus } from '@nestjs/common';
import { AuthUser, inJurisdiction, significantPrefix } from '@legal/auth';
import { DomainError } from '@legal/http';

/**
 * The hotline's reads follow the caller's jurisdiction (their token's `region`): a city supervisor
 * (371300) sees records of 3713…, a county agent (371324) those of 371324…; only province-level staff
 * (370000) see the whole province, and admins everything. Staff without a region see nothing.
 */
export type Scope = { kind: 'everything' } | { kind: 'nothing' } | { kind: 'prefix'; prefix: string };

export function scopeOf(user: AuthUser): Scope {
  if (user.roles.includes('admin')) return { kind: 'everything' };
  return user.regionCode ? { kind: 'prefix', prefix: significantPrefix(user.regionCode) } : { kind: 'nothing' };
}

/** A LIKE pattern for a region prefix (codes are digits; escaped anyway). */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * A SQL condition limiting `column` (a region code, may be NULL) to the caller's scope, with its
 * parameters. NULL regions are visible to admins only.
 */
export function regionCondition(
  user: AuthUser,
  column: string,
  param = 'scopePrefix',
): { sql: string; params: Record<string, string> } {
  const scope = scopeOf(user);
  if (scope.kind === 'everything') return { sql: 'TRUE', params: {} };
  if (scope.kind === 'nothing') return { sql: 'FALSE', params: {} };
  return { sql: `${column} LIKE :${param} ESCAPE '\\'`, params: { [param]: likePrefix(scope.prefix) } };
}

export function mayRead(user: AuthUser, regionCode: string | null | undefined): boolean {
  if (user.roles.includes('admin')) return true;
  return typeof regionCode === 'string' && inJurisdiction(user, regionCode);
}

/** 403 problem+json `out-of-jurisdiction`; the record's region is not told. */
export function assertMayRead(user: AuthUser, regionCode: string | null | undefined, what: string): void {
  if (!mayRead(user, regionCode))
    throw new DomainError('out-of-jurisdiction', `${what} is outside your jurisdiction`, HttpStatus.FORBIDDEN);
}
