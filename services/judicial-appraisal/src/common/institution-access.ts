import { HttpStatus } from '@nestjs/common';
import { AuthUser, inJurisdiction } from '@legal/auth';
import { DomainError } from '@legal/http';

/** What an access decision needs to know about a record. */
export interface InstitutionRecord {
  organisationId: string;
  regionCode: string;
}

/**
 * Appraisers act only on their own institution's entrustments (their token's organisation); supervisors
 * read those of their jurisdiction; admins read everything. Refusals are problem+json 403 with a code.
 */
export function assertMayRead(user: AuthUser, record: InstitutionRecord, what: string): void {
  if (user.roles.includes('admin')) return;
  if (user.roles.includes('appraiser') && user.organisationId === record.organisationId) return;
  if (user.roles.includes('supervisor') && inJurisdiction(user, record.regionCode)) return;
  const message = `${what} is outside your institution or jurisdiction`;
  throw new DomainError('out-of-jurisdiction', message, HttpStatus.FORBIDDEN);
}

/** Only the institution's own appraisers act on its entrustments (not supervisors, not admins). */
export function assertMayAct(user: AuthUser, record: InstitutionRecord, what: string): void {
  if (user.roles.includes('appraiser') && user.organisationId === record.organisationId) return;
  throw new DomainError('not-your-institution', `${what} belongs to another institution`, HttpStatus.FORBIDDEN);
}
