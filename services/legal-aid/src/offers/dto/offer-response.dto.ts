import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OFFER_STATUSES } from '@legal/handler-kit';
import { PersonViewDto } from '../../personal-data/person-view.dto';

export class OfferResponseDto {
  @ApiProperty({ description: 'Offer id (from the router)', example: '9a0e2f5c-8d3b-4c1a-b6e7-1f2a3b4c5d6e' })
  id!: string;

  @ApiProperty({ description: 'Work order id', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'One-case-one-code of the work order', example: '371321-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Organisation the offer is for', example: 'org-371324-legal-aid' })
  organisationId!: string;

  @ApiProperty({ description: 'Organisation name', example: '兰陵县法律援助中心' })
  organisationName!: string;

  @ApiProperty({ description: "Organisation's region code", example: '371324' })
  organisationRegionCode!: string;

  @ApiProperty({ description: 'Where the matter is', example: '371324101' })
  regionCode!: string;

  @ApiProperty({ description: 'Catalogue service type', example: 'legal-aid' })
  serviceType!: string;

  @ApiProperty({ description: 'What the applicant asks for', example: '老板拖欠工资三万元' })
  description!: string;

  @ApiProperty({ description: 'normal or urgent', example: 'normal' })
  urgency!: string;

  @ApiPropertyOptional({
    description: 'Legal deadline of the matter (limitation period, hearing ...)',
    example: '2026-12-01T00:00:00.000Z',
    nullable: true,
  })
  legalDeadlineAt!: string | null;

  @ApiProperty({ description: 'Applicant, masked', type: PersonViewDto })
  applicant!: PersonViewDto;

  @ApiProperty({ description: 'When the offer lapses', example: '2026-11-28T06:15:01.000Z' })
  expiresAt!: string;

  @ApiProperty({ description: 'Offer status', enum: OFFER_STATUSES, example: 'open' })
  status!: string;

  @ApiPropertyOptional({ description: 'Rejection or withdrawal code', example: 'no-capacity', nullable: true })
  outcomeCode!: string | null;

  @ApiPropertyOptional({
    description: 'Rejection or withdrawal reason',
    example: 'All lawyers are assigned',
    nullable: true,
  })
  outcomeReason!: string | null;

  @ApiPropertyOptional({ description: 'Who accepted or rejected', example: 'officer-7', nullable: true })
  decidedBy!: string | null;

  @ApiPropertyOptional({
    description: 'When it was accepted, rejected, withdrawn or expired',
    example: '2026-11-28T02:20:00.000Z',
    nullable: true,
  })
  decidedAt!: string | null;

  @ApiPropertyOptional({
    description: 'Application opened by accepting',
    example: '0b8f3c5e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    nullable: true,
  })
  applicationId!: string | null;
}
