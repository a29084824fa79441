import { Injectable } from '@nestjs/common';
import { normalizeCaseCode } from '@legal/domain';
import { InvalidInputError, NotFoundError } from '@legal/http';
import { WorkOrderView, WorkOrderViewService } from '@legal/platform-kit';
import { timingSafeEqual } from 'node:crypto';
import type { CitizenKeys } from '../common/citizen-identity';

export type Verification = 'account' | 'phone-digits';

export interface VerifiedWorkOrder {
  view: WorkOrderView;
  verifiedBy: Verification;
}

function sameDigits(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(4, ' ').slice(0, 4));
  const y = Buffer.from(b.padEnd(4, ' ').slice(0, 4));
  return timingSafeEqual(x, y) && a.length === b.length;
}

/**
 * Finds a work order by case code for someone who proves it is theirs: the signed-in citizen it
 * belongs to, or anyone who knows the last four digits of its contact phone. Every failure is the
 * same 404, so a wrong factor does not reveal that the code exists.
 */
@Injectable()
export class TrackingService {
  constructor(private readonly views: WorkOrderViewService) {}

  static normalize(caseCode: string, field = 'caseCode'): string {
    const normalized = normalizeCaseCode(caseCode);
    if (!normalized) throw new InvalidInputError([{ field, messages: [`${field} must be a case code (一案一码)`], codes: ['isCaseCode'] }]);
    return normalized;
  }

  async verify(caseCode: string, factor: { phoneLast4?: string; citizen?: CitizenKeys }): Promise<VerifiedWorkOrder> {
    const code = TrackingService.normalize(caseCode);
    const view = await this.views.findByCode(code);
    const notFound = new NotFoundError('Work order', code);
    if (!view) throw notFound;
    const citizen = factor.citizen;
    if (citizen && ((citizen.userId && view.citizenUserId === citizen.userId) || (citizen.phoneHash && view.phoneHash === citizen.phoneHash))) {
      return { view, verifiedBy: 'account' };
    }
    if (factor.phoneLast4 && view.phoneLast4 && sameDigits(factor.phoneLast4, view.phoneLast4)) return { view, verifiedBy: 'phone-digits' };
    throw notFound;
  }
}
