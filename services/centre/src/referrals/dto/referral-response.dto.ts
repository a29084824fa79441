import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_STATUSES } from '../entities/referral.entity';
import type { Referral } from '../entities/referral.entity';

export class ReferralResponseDto {
  @ApiProperty({ description: 'Referral id', example: '7d3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' })
  id!: string;

  @ApiProperty({ description: 'Work order', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'Case code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Referring organisation', example: 'org-371324101-station' })
  fromOrganisationId!: string;

  @ApiProperty({ description: 'Receiving organisation', example: 'org-371324-mediation' })
  toOrganisationId!: string;

  @ApiProperty({ description: 'Region of the receiving organisation', example: '371324' })
  toRegionCode!: string;

  @ApiProperty({ description: 'Why it was referred', example: '邻里纠纷，需村调委会调解' })
  reason!: string;

  @ApiProperty({ description: 'Status', enum: REFERRAL_STATUSES, example: 'pending' })
  status!: string;

  @ApiProperty({ description: 'Answer due by', example: '2026-12-03T15:59:59.999Z' })
  respondBy!: string;

  @ApiProperty({
    description: 'How the answer deadline was counted',
    example: '3 working days after 2026-11-28 (start day not counted)',
  })
  deadlineExplanation!: string;

  @ApiPropertyOptional({
    description: 'Where a rejection or lapse goes (absent at the top level)',
    example: 'org-371324-centre',
  })
  coordinatingOrganisationId?: string;

  @ApiPropertyOptional({
    description: 'The link this one was escalated from',
    example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
  })
  escalatedFromId?: string;

  @ApiPropertyOptional({
    description: 'The link this one was escalated to',
    example: '2c9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
  })
  escalatedToId?: string;

  @ApiPropertyOptional({ description: 'Clerk who raised it (absent when the system escalated it)', example: 'clerk-3' })
  requestedBy?: string;

  @ApiPropertyOptional({ description: 'Clerk who answered it', example: 'clerk-9' })
  answeredBy?: string;

  @ApiPropertyOptional({ description: 'When it was answered or lapsed', example: '2026-11-29T01:00:00.000Z' })
  answeredAt?: string;

  @ApiPropertyOptional({ description: 'Reason given with a rejection (or the lapse)', example: '不属于本单位受理范围' })
  answerReason?: string;

  @ApiProperty({ description: 'When it was raised', example: '2026-11-28T03:00:00.000Z' })
  createdAt!: string;

  static from(r: Referral): ReferralResponseDto {
    return {
      id: r.id,
      workOrderId: r.workOrderId,
      caseCode: r.caseCode,
      fromOrganisationId: r.fromOrganisationId,
      toOrganisationId: r.toOrganisationId,
      toRegionCode: r.toRegionCode,
      reason: r.reason,
      status: r.status,
      respondBy: r.respondBy.toISOString(),
      deadlineExplanation: r.deadlineExplanation,
      ...(r.coordinatingOrganisationId ? { coordinatingOrganisationId: r.coordinatingOrganisationId } : {}),
      ...(r.escalatedFromId ? { escalatedFromId: r.escalatedFromId } : {}),
      ...(r.escalatedToId ? { escalatedToId: r.escalatedToId } : {}),
      ...(r.requestedBy ? { requestedBy: r.requestedBy } : {}),
      ...(r.answeredBy ? { answeredBy: r.answeredBy } : {}),
      ...(r.answeredAt ? { answeredAt: r.answeredAt.toISOString() } : {}),
      ...(r.answerReason ? { answerReason: r.answerReason } : {}),
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export class ReferralRejectionResponseDto {
  @ApiProperty({ description: 'The rejected link', type: ReferralResponseDto })
  rejected!: ReferralResponseDto;

  @ApiProperty({ description: 'The new link to the coordinating level', type: ReferralResponseDto })
  escalated!: ReferralResponseDto;
}

export class ReferralPageDto {
  @ApiProperty({ type: [ReferralResponseDto], description: 'Referrals (newest first; a case chain oldest first)' })
  items!: ReferralResponseDto[];

  @ApiProperty({ description: 'Referrals matching the filter', example: 3 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
