import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OFFER_REJECTION_REASONS } from '@legal/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ApplicantResponseDto } from '../../applicant/applicant-response.dto';
import { OFFER_STATUSES, OfferStatus } from '../offer.entity';
import { PageQueryDto } from './page-query.dto';

export class OfferQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only offers in this state', enum: OFFER_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(OFFER_STATUSES)
  status?: OfferStatus;
}

export class OfferRejectDto {
  @ApiProperty({
    description: 'Coded reason the router acts on',
    enum: OFFER_REJECTION_REASONS,
    example: 'no-capacity',
  })
  @IsIn(OFFER_REJECTION_REASONS)
  reasonCode!: (typeof OFFER_REJECTION_REASONS)[number];

  @ApiProperty({ description: 'Explanation for the record (no personal data)', example: '本周受理已满，请转其他机构' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}

export class OfferResponseDto {
  @ApiProperty({ description: 'Offer id', example: '9a0e2f5c-8d3b-4c1a-b6e7-1f2a3b4c5d6e' })
  id!: string;

  @ApiProperty({ description: 'Work order', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'One-case-one-code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Organisation the work order was offered to', example: '兰陵县大仲村镇人民调解委员会' })
  organisationName!: string;

  @ApiProperty({ description: 'Division where the matter arose', example: '371324101201' })
  regionCode!: string;

  @ApiProperty({ description: 'Description of the request', example: '邻居院墙漏水，多次协商未果' })
  description!: string;

  @ApiProperty({ description: 'normal or urgent', example: 'normal' })
  urgency!: string;

  @ApiProperty({ description: 'Applicant in a vulnerable group', example: false })
  vulnerableGroup!: boolean;

  @ApiProperty({ description: 'Applicant (masked)', type: ApplicantResponseDto })
  applicant!: ApplicantResponseDto;

  @ApiProperty({ description: 'When the offer lapses', example: '2026-11-28T06:15:01.000Z' })
  expiresAt!: string;

  @ApiProperty({ description: 'open, accepted, rejected, withdrawn or expired', enum: OFFER_STATUSES, example: 'open' })
  status!: string;

  @ApiPropertyOptional({ description: 'When it was decided', example: '2026-11-28T02:20:00.000Z' })
  decidedAt?: string;

  @ApiPropertyOptional({ description: 'Who decided (staff subject or system)', example: 'user-1a2b3c4d' })
  decidedBy?: string;

  @ApiPropertyOptional({ description: 'Rejection reason code', example: 'no-capacity' })
  rejectionReasonCode?: string;

  @ApiPropertyOptional({ description: 'Rejection explanation', example: '本周受理已满' })
  rejectionReason?: string;

  @ApiPropertyOptional({ description: 'Why the router withdrew the offer', example: 'expired' })
  withdrawalReason?: string;
}

export class OfferPageResponseDto {
  @ApiProperty({ description: 'Offers on this page', type: [OfferResponseDto] })
  items!: OfferResponseDto[];

  @ApiProperty({ description: 'Offers matching the query', example: 3 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
