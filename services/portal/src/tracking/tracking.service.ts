import { Injectable } from '@nestjs/common';
import { normalizeCaseCode } from '@legal/domain';
import { InvalidInputError, NotFoundError } from '@legal/http';
import { accessCodeHash, normalizeAccessCode, WorkOrderView, WorkOrderViewService } from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import { timingSafeEqual } from 'node:crypto';
import type { CitizenKeys } from '../common/citizen-identity';

export type Verification = 'account' | 'access-code';

export interface VerifiedWorkOrder {
  view: WorkOrderView;
  verifiedBy: Verification;
}

/** Compared against when there is nothing to compare with, so an unknown code costs what a wrong secret costs. */
const NO_HASH = '0'.repeat(64);

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(64, '0').slice(0, 64), 'utf8');
  const y = Buffer.from(b.padEnd(64, '0').slice(0, 64), 'utf8');
  return timingSafeEqual(x, y) && a.length === b.length;
}

/**
 * Finds a work order by case code for someone who proves it is theirs: the signed-in citizen it
 * belongs to (account, or the phone their account verified), or anyone holding the access code
 * (查询码) given at submission. Case codes are sequential and guessable; the access code is not
 * (10 characters, ≈ 2^49). Every failure — unknown code, wrong or missing secret, malformed secret —
 * is the same 404 after the same work (one lookup, one keyed hash, one constant-time comparison).
 */
@Injectable()
export class TrackingService {
  constructor(
    private readonly views: WorkOrderViewService,
    private readonly pii: PiiProtector,
  ) {}

  static normalize(caseCode: string, field = 'caseCode'): string {
    const normalized = normalizeCaseCode(caseCode);
    if (!normalized)
      throw new InvalidInputError([
        { field, messages: [`${field} must be a case code (一案一码)`], codes: ['isCaseCode'] },
      ]);
    return normalized;
  }

  async verify(caseCode: string, factor: { accessCode?: string; citizen?: CitizenKeys }): Promise<VerifiedWorkOrder> {
    const code = TrackingService.normalize(caseCode);
    const view = await this.views.findByCode(code);
    const citizen = factor.citizen;
    if (
      view &&
      citizen &&
      ((citizen.userId && view.citizenUserId === citizen.userId) ||
        (citizen.phoneHash && view.phoneHash === citizen.phoneHash))
    ) {
      return { view, verifiedBy: 'account' };
    }
    const given = normalizeAccessCode(factor.accessCode);
    const givenHash = accessCodeHash(this.pii, given ?? 'ZZZZZZZZZZ');
    const matches = sameHash(givenHash, view?.accessCodeHash ?? NO_HASH);
    if (view && given && view.accessCodeHash && matches) return { view, verifiedBy: 'access-code' };
    throw new NotFoundError('Work order', code);
  }
}
