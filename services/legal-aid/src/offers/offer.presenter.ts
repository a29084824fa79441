import { Injectable } from '@nestjs/common';
import { PersonalDataService } from '../personal-data/personal-data.service';
import type { OfferResponseDto } from './dto/offer-response.dto';
import type { Offer } from './entities/offer.entity';

@Injectable()
export class OfferPresenter {
  constructor(private readonly personal: PersonalDataService) {}

  toResponse(offer: Offer): OfferResponseDto {
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
      applicant: this.personal.view(offer.applicant),
      expiresAt: offer.expiresAt.toISOString(),
      status: offer.status,
      outcomeCode: offer.outcomeCode,
      outcomeReason: offer.outcomeReason,
      decidedBy: offer.decidedBy,
      decidedAt: offer.decidedAt?.toISOString() ?? null,
      applicationId: offer.applicationId,
    };
  }
}
