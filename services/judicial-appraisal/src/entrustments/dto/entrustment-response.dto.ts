import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AppraiserRefDto {
  @ApiProperty({ description: 'Appraiser id', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' })
  id!: string;

  @ApiProperty({ description: 'Name', example: '王建国' })
  name!: string;

  @ApiProperty({ description: 'Licence number', example: '371300001001' })
  licenceNumber!: string;
}

export class AcceptanceResponseDto {
  @ApiProperty({ description: 'Decide by (art. 13)', example: '2026-11-11T15:59:59.999Z' })
  dueAt!: string;

  @ApiProperty({ description: 'How the period was computed', example: '《司法鉴定程序通则》(2016) art. 13 ...' })
  explanation!: string;

  @ApiPropertyOptional({ description: 'When decided', example: '2026-11-05T02:00:00.000Z' })
  decidedAt?: string;

  @ApiPropertyOptional({ description: 'met or breached', example: 'met' })
  timeliness?: string;

  @ApiPropertyOptional({ description: 'What the decision means, and whether it was in time', example: 'Accepted: ...' })
  decisionExplanation?: string;

  @ApiPropertyOptional({ description: 'Declined: the art. 15 ground', example: 'beyond-technical-capacity' })
  declineReasonCode?: string;
}

export class TermResponseDto {
  @ApiProperty({ description: 'Appraisal due (art. 28, 29)', example: '2026-12-17T15:59:59.999Z' })
  dueAt!: string;

  @ApiProperty({ description: 'running, paused, met or breached', example: 'running' })
  status!: string;

  @ApiProperty({
    description: 'How the due date was computed (extension, pauses)',
    example: '《司法鉴定程序通则》(2016) art. 28 ...',
  })
  explanation!: string;

  @ApiProperty({ description: 'Pauses for supplementary materials', example: [] })
  pauses!: { pausedAt: string; resumedAt?: string; reason: string }[];

  @ApiPropertyOptional({ type: Object, nullable: true, description: 'The one extension, if granted', example: null })
  extension?: { workingDays: number; reason: string; approvedBy: string; at: string };
}

export class EntrustmentResponseDto {
  @ApiProperty({ description: 'Entrustment id', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' })
  id!: string;

  @ApiPropertyOptional({ description: 'Work order it came from', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId?: string;

  @ApiPropertyOptional({ description: 'Case code (一案一码) of the work order', example: '371324-20261120-00042-7' })
  caseCode?: string;

  @ApiProperty({ description: 'Institution licence code', example: '371300001' })
  institutionCode!: string;

  @ApiProperty({ description: 'Institution name', example: '临沂市司法鉴定中心' })
  institutionName!: string;

  @ApiProperty({ description: 'Region code', example: '371324' })
  regionCode!: string;

  @ApiProperty({
    description: 'Entrusting party',
    example: { kind: 'court', name: '兰陵县人民法院', courtCaseNumber: '(2026)鲁1324民初123号' },
  })
  party!: { kind: string; name: string; courtCaseNumber?: string; legalAidCaseCode?: string };

  @ApiProperty({ description: 'Category', example: 'forensic-medicine' })
  category!: string;

  @ApiProperty({ description: 'Matter', example: '对原告伤残等级进行鉴定' })
  matter!: string;

  @ApiProperty({ description: 'By letter', example: false })
  byLetter!: boolean;

  @ApiProperty({ description: 'ordinary or complex', example: 'ordinary' })
  complexity!: string;

  @ApiProperty({ description: 'received, accepted, declined, opinion-issued', example: 'received' })
  status!: string;

  @ApiProperty({ description: 'Received at', example: '2026-11-02T02:00:00.000Z' })
  receivedAt!: string;

  @ApiProperty({ description: 'The acceptance decision and its period', type: AcceptanceResponseDto })
  acceptance!: AcceptanceResponseDto;

  @ApiPropertyOptional({ description: 'Entrustment agreement signed at', example: '2026-11-05T02:00:00.000Z' })
  agreementAt?: string;

  @ApiProperty({ description: 'The two appraisers (art. 19)', type: [AppraiserRefDto] })
  appraisers!: AppraiserRefDto[];

  @ApiPropertyOptional({ description: 'Why these appraisers', example: 'art. 19: ...' })
  appraisersExplanation?: string;

  @ApiPropertyOptional({ description: 'The appraisal term, once the agreement is signed', type: TermResponseDto })
  term?: TermResponseDto;

  @ApiPropertyOptional({ description: 'The opinion code', example: 'JD-371300001-2026-000001-5' })
  opinionCode?: string;

  @ApiPropertyOptional({ description: 'Opinion issued at', example: '2026-12-10T02:00:00.000Z' })
  opinionIssuedAt?: string;
}

export class EntrustmentPageResponseDto {
  @ApiProperty({ type: [EntrustmentResponseDto] })
  items!: EntrustmentResponseDto[];

  @ApiProperty({ example: 1 })
  total!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 0 })
  offset!: number;
}

export class HistoryItemDto {
  @ApiProperty({ example: 'entrustment-received' })
  step!: string;

  @ApiProperty({ example: 'appraiser-zhang' })
  actorId!: string;

  @ApiProperty({ example: 'Received from 兰陵县人民法院 ...' })
  detail!: string;

  @ApiProperty({ example: '2026-11-02T02:00:00.000Z' })
  at!: string;
}

export class HistoryResponseDto {
  @ApiProperty({ type: [HistoryItemDto] })
  items!: HistoryItemDto[];
}
