import type { Referral } from './entities/referral.entity';

/** The fields every referral event carries, from one link of the chain. */
export function referralEventBase(
  referral: Referral,
  at: Date,
  actorId: string | null,
): {
  referralId: string;
  workOrderId: string;
  caseCode: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  at: string;
  actorId?: string;
} {
  return {
    referralId: referral.id,
    workOrderId: referral.workOrderId,
    caseCode: referral.caseCode,
    fromOrganisationId: referral.fromOrganisationId,
    toOrganisationId: referral.toOrganisationId,
    at: at.toISOString(),
    ...(actorId ? { actorId } : {}),
  };
}
