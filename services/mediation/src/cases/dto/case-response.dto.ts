import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApplicantResponseDto } from '@legal/handler-kit';
import { JudicialConfirmationResponseDto } from '../../judicial-confirmation/dto/judicial-confirmation-response.dto';
import { SessionResponseDto } from '../../sessions/dto/session-response.dto';
import { CASE_STATUSES, CATEGORY_SOURCES } from '../entities/mediation-case.entity';

export class TermExtensionResponseDto {
  @ApiProperty({ description: 'Days added', example: 10 })
  days!: number;

  @ApiProperty({ description: 'Why the term was extended', example: '当事人外出务工，需延期调解' })
  reason!: string;

  @ApiProperty({ description: 'Who extended it', example: 'user-1a2b3c4d' })
  by!: string;

  @ApiProperty({ description: 'When', example: '2026-12-10T02:00:00.000Z' })
  at!: string;
}

export class AgreementTermResponseDto {
  @ApiProperty({ description: 'What a party undertakes', example: '被申请人于2026年12月31日前支付欠款15000元' })
  description!: string;

  @ApiPropertyOptional({ description: 'By when', example: '2026-12-31' })
  dueDate?: string;
}

export class CaseTermResponseDto {
  @ApiProperty({ description: 'End of the mediation term', example: '2026-12-28T15:59:59.999Z' })
  dueAt!: string;

  @ApiProperty({ description: 'Counting rule', example: 'calendar-days' })
  rule!: string;

  @ApiProperty({
    description: 'How the date was computed',
    example: '30 calendar days from 2026-11-28, start day not counted ...',
  })
  explanation!: string;

  @ApiProperty({ description: 'running, met or breached', example: 'running' })
  status!: string;

  @ApiProperty({ description: 'Extensions, each with its reason', type: [TermExtensionResponseDto] })
  extensions!: TermExtensionResponseDto[];
}

export class CaseResponseDto {
  @ApiProperty({ description: 'Case id (handlerCaseId in reports)', example: '0d9f7c4e-5b6a-4e3d-9c2b-1a0f9e8d7c6b' })
  id!: string;

  @ApiProperty({ description: 'Offer the case was opened from', example: '9a0e2f5c-8d3b-4c1a-b6e7-1f2a3b4c5d6e' })
  offerId!: string;

  @ApiProperty({ description: 'Work order', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'One-case-one-code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Division where the dispute arose', example: '371324101201' })
  regionCode!: string;

  @ApiProperty({ description: 'Description of the dispute', example: '邻居院墙漏水纠纷' })
  description!: string;

  @ApiProperty({ description: 'normal or urgent', example: 'normal' })
  urgency!: string;

  @ApiProperty({ description: 'Applicant, masked as the caller may see it', type: ApplicantResponseDto })
  applicant!: ApplicantResponseDto;

  @ApiProperty({ description: 'Workflow state', enum: CASE_STATUSES, example: 'assigned' })
  status!: string;

  @ApiPropertyOptional({
    description: 'Dispute category (family, neighbour, labour, property, consumer)',
    example: 'neighbour',
  })
  disputeCategory?: string;

  @ApiProperty({ description: 'Where the category came from', enum: CATEGORY_SOURCES, example: 'keywords' })
  categorySource!: string;

  @ApiProperty({ description: 'Keywords of the table that decided the category', example: ['邻居', '漏水'] })
  categoryKeywords!: string[];

  @ApiProperty({ description: 'Committee id', example: 'b17cb703-0867-41bd-95d0-0a276fad39c9' })
  committeeId!: string;

  @ApiProperty({ description: 'Committee name', example: '兰陵县大仲村镇大仲村人民调解委员会' })
  committeeName!: string;

  @ApiProperty({ description: "Committee's division", example: '371324101201' })
  committeeRegionCode!: string;

  @ApiProperty({
    description: 'Why this committee',
    example: "... is the committee of the dispute's own village 371324101201",
  })
  committeeReason!: string;

  @ApiProperty({ description: 'Mediator id', example: '73101c82-196c-4954-8d62-8fb6510bf202' })
  mediatorId!: string;

  @ApiProperty({ description: 'Mediator name', example: '王秀英' })
  mediatorName!: string;

  @ApiProperty({
    description: 'Why this mediator',
    example: '王秀英 (load 1/6): specialist in neighbour, least loaded of 1 free specialist(s)',
  })
  mediatorReason!: string;

  @ApiProperty({ description: 'When the offer was accepted', example: '2026-11-28T02:20:00.000Z' })
  acceptedAt!: string;

  @ApiProperty({ description: 'The 30-day mediation term', type: CaseTermResponseDto })
  term!: CaseTermResponseDto;

  @ApiProperty({ description: 'Sessions, in order', type: [SessionResponseDto] })
  sessions!: SessionResponseDto[];

  @ApiPropertyOptional({
    description: 'agreement-reached, mediation-failed or withdrawn',
    example: 'agreement-reached',
  })
  outcome?: string;

  @ApiPropertyOptional({ description: 'Reason given with a failure or withdrawal', example: '被申请人拒绝调解' })
  outcomeReason?: string;

  @ApiPropertyOptional({ description: 'Text of the mediation agreement', example: '经调解，双方自愿达成如下协议 ...' })
  agreementText?: string;

  @ApiPropertyOptional({ description: 'Terms of the agreement', type: [AgreementTermResponseDto] })
  agreementTerms?: AgreementTermResponseDto[];

  @ApiPropertyOptional({ description: 'Judicial confirmation of the agreement', type: JudicialConfirmationResponseDto })
  judicialConfirmation?: JudicialConfirmationResponseDto;

  @ApiPropertyOptional({ description: 'When the case closed', example: '2026-12-03T03:00:00.000Z' })
  closedAt?: string;
}

export class CaseSummaryResponseDto {
  @ApiProperty({ description: 'Case id', example: '0d9f7c4e-5b6a-4e3d-9c2b-1a0f9e8d7c6b' })
  id!: string;

  @ApiProperty({ description: 'Work order', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'One-case-one-code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Division where the dispute arose', example: '371324101201' })
  regionCode!: string;

  @ApiProperty({ description: 'Workflow state', enum: CASE_STATUSES, example: 'assigned' })
  status!: string;

  @ApiPropertyOptional({ description: 'Dispute category', example: 'neighbour' })
  disputeCategory?: string;

  @ApiProperty({ description: 'Committee name', example: '兰陵县大仲村镇大仲村人民调解委员会' })
  committeeName!: string;

  @ApiProperty({ description: 'Mediator name', example: '王秀英' })
  mediatorName!: string;

  @ApiProperty({ description: 'End of the mediation term', example: '2026-12-28T15:59:59.999Z' })
  termDueAt!: string;
}

export class CasePageResponseDto {
  @ApiProperty({ description: 'Cases on this page', type: [CaseSummaryResponseDto] })
  items!: CaseSummaryResponseDto[];

  @ApiProperty({ description: 'Cases matching the query', example: 42 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
