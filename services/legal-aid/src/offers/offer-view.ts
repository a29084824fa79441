import type { Applicant } from '@legal/contracts';
import type { Offer, OfferView } from '@legal/handler-kit';
import { personView } from '../personal-data/personal-data.service';
import { OfferListQueryDto } from './dto/offer-list-query.dto';
import type { OfferPageDto } from './dto/offer-page.dto';
import type { OfferResponseDto } from './dto/offer-response.dto';

/**
 * Legal-aid's offers API predates the kit: `page`/`pageSize`, one `outcomeCode`/`outcomeReason` for
 * rejections, withdrawals and expiry, `applicationId`, and jurisdiction by the organisation's region.
 * The kit keeps the offers; this view keeps the answers as they were.
 */
export const legalAidOfferView: OfferView = {
  listQuery: OfferListQueryDto,
  window: (query) => {
    const q = query as OfferListQueryDto;
    return { status: q.status, skip: (q.page - 1) * q.pageSize, take: q.pageSize };
  },
  page: (items, total, query): OfferPageDto => {
    const q = query as OfferListQueryDto;
    return { items: items as OfferResponseDto[], total, page: q.page, pageSize: q.pageSize };
  },
  present: (offer, applicant) => presentOffer(offer, applicant),
  jurisdiction: 'organisation',
};

export function presentOffer(offer: Offer, applicant: Applicant): OfferResponseDto {
  return {
    id: offer.id,
    workOrderId: offer.workOrderId,
    caseCode: offer.caseCode,
    organisationId: offer.organisationId,
    organisationName: offer.organisationName,
    organisationRegionCode: offer.organisationRegionCode,
    regionCode: offer.regionCode,
    serviceType: offer.serviceType,
    description: offer.description,
    urgency: offer.urgency,
    legalDeadlineAt: offer.legalDeadlineAt?.toISOString() ?? null,
    applicant: personView(applicant),
    expiresAt: offer.expiresAt.toISOString(),
    status: offer.status,
    ...outcomeOf(offer),
    decidedBy: offer.decidedBy,
    decidedAt: offer.decidedAt?.toISOString() ?? null,
    applicationId: offer.matterId,
  };
}

/** The one outcome code and reason legal-aid has always shown (pure). */
export function outcomeOf(
  offer: Pick<Offer, 'status' | 'rejectionReasonCode' | 'rejectionReason' | 'withdrawalReason'>,
): { outcomeCode: string | null; outcomeReason: string | null } {
  switch (offer.status) {
    case 'rejected':
      return { outcomeCode: offer.rejectionReasonCode, outcomeReason: offer.rejectionReason };
    case 'withdrawn':
      return {
        outcomeCode: offer.withdrawalReason,
        outcomeReason: `withdrawn by the router: ${offer.withdrawalReason}`,
      };
    case 'expired':
      return { outcomeCode: 'expired', outcomeReason: 'not accepted before expiresAt' };
    case 'accepted':
      return {
        outcomeCode: null,
        outcomeReason: offer.withdrawalReason
          ? `withdrawn by the router after acceptance: ${offer.withdrawalReason}`
          : null,
      };
    case 'open':
      return { outcomeCode: null, outcomeReason: null };
  }
}
