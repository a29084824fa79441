import { ApiProperty } from '@nestjs/swagger';
import { OFFER_REJECTION_REASONS } from '@legal/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import type { OfferRejectionCode } from '../../reports/handler-reports.service';

export class OfferRejectDto {
  @ApiProperty({ description: 'Coded reason the router acts on', enum: OFFER_REJECTION_REASONS, example: 'out-of-jurisdiction' })
  @IsIn(OFFER_REJECTION_REASONS)
  reasonCode!: OfferRejectionCode;

  @ApiProperty({ description: 'Explanation for the router and supervisors (no personal data)', example: '申请人住所地及案件均不在本县', minLength: 2, maxLength: 1000 })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}
