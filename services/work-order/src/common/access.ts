import { AuthUser, inJurisdiction, significantPrefix } from '@legal/auth';
import { DomainError, NotFoundError } from '@legal/http';
import { HttpStatus } from '@nestjs/common';

/** The parts of a work order that decide who may see it. */
export interface Scoped {
  caseCode: string;
  regionCode: string;
  organisationId: string | null;
  complaintAgainstOrganisationId: string | null;
}

/**
 * Staff see work orders in their jurisdiction (their area and below) or held by their organisation.
 * A complaint is invisible to the organisation it is about (404: not even its existence leaks).
 */
export function assertCanSee(user: AuthUser, wo: Scoped): void {
  if (
    !user.roles.includes('admin') &&
    user.organisationId &&
    wo.complaintAgainstOrganisationId === user.organisationId
  ) {
    throw new NotFoundError('Work order', wo.caseCode);
  }
  if (
    inJurisdiction(user, wo.regionCode) ||
    (user.organisationId !== undefined && wo.organisationId === user.organisationId)
  )
    return;
  throw new DomainError(
    'out-of-jurisdiction',
    `Work order ${wo.caseCode} is outside your jurisdiction`,
    HttpStatus.FORBIDDEN,
  );
}

/** SQL prefix of the caller's jurisdiction (`3713%`), or undefined for admins (everything). */
export function jurisdictionPrefix(user: AuthUser): string | undefined | null {
  if (user.roles.includes('admin')) return undefined;
  return user.regionCode ? significantPrefix(user.regionCode) : null;
}
