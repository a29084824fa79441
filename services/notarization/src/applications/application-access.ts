import { HttpStatus } from '@nestjs/common';
import { AuthUser, hasRole } from '@legal/auth';
import { normalizeChinesePhone } from '@legal/domain';
import { DomainError } from '@legal/http';
import { PiiProtector } from '@legal/privacy';
import { assertInJurisdiction } from '@legal/handler-kit';
import type { Application } from './entities/application.entity';

/** Roles that work applications (within their jurisdiction). */
export const STAFF = ['notary', 'supervisor', 'admin'] as const;

export function isStaff(user: AuthUser): boolean {
  return hasRole(user, ...STAFF);
}

/** The keyed hash of the signed-in citizen's phone, to find their own applications. */
export function citizenPhoneHash(pii: PiiProtector, user: AuthUser): string | undefined {
  const phone = user.phone ? normalizeChinesePhone(user.phone) : undefined;
  return phone ? pii.hash(phone) : undefined;
}

/** Staff act within their jurisdiction; a citizen only on an application whose applicant phone is theirs. */
export function assertMayAct(user: AuthUser, application: Application, pii: PiiProtector): void {
  if (isStaff(user)) {
    assertInJurisdiction(user, application.regionCode, `Application ${application.id}`);
    return;
  }
  const hash = citizenPhoneHash(pii, user);
  if (!hash || hash !== application.applicantPhoneHash) {
    throw new DomainError('not-your-application', `Application ${application.id} is not yours`, HttpStatus.FORBIDDEN);
  }
}
