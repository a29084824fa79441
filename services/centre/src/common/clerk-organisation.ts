import { HttpStatus } from '@nestjs/common';
import type { AuthUser } from '@legal/auth';
import { DomainError } from '@legal/http';

/** The organisation a counter clerk works for; a token without one may not act at a counter. */
export function clerkOrganisation(user: AuthUser): string {
  if (!user.organisationId)
    throw new DomainError('no-organisation', 'Your account is not attached to an organisation', HttpStatus.FORBIDDEN);
  return user.organisationId;
}

export class OutsideJurisdictionError extends DomainError {
  constructor(what: string) {
    super('out-of-jurisdiction', `${what} is outside your jurisdiction`, HttpStatus.FORBIDDEN);
  }
}
