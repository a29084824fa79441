import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApplicantResponseDto } from '@legal/handler-kit';
import { PROVISIONS } from '../../materials/entities/application-material.entity';
import { APPLICATION_STATUSES, CLOCK_STATUSES } from '../entities/application.entity';

export class ApplicationMaterialResponseDto {
  @ApiProperty({ description: 'Checklist item code', example: 'kinship-proof' })
  code!: string;

  @ApiProperty({ description: 'What is required', example: '亲属关系证明（派出所或村/居委会出具）' })
  label!: string;

  @ApiProperty({ description: 'Whether a commitment may replace it', example: true })
  commitmentAllowed!: boolean;

  @ApiProperty({ description: 'How it is met: document, commitment or missing', enum: PROVISIONS, example: 'document' })
  provision!: string;

  @ApiPropertyOptional({ description: 'Reference of the proof', example: '兰公户证字2026-118' })
  reference?: string;

  @ApiPropertyOptional({ description: 'Who signed the commitment', example: '张三' })
  commitmentSignatory?: string;

  @ApiPropertyOptional({ description: 'Why it is still missing', example: '该项不适用告知承诺制，须提交证明材料' })
  note?: string;

  @ApiPropertyOptional({ description: 'When it arrived', example: '2026-12-01T03:00:00.000Z' })
  receivedAt?: string;
}

export class NoticeItemResponseDto {
  @ApiProperty({ description: 'Missing item code', example: 'kinship-proof' })
  code!: string;

  @ApiProperty({ description: 'Missing item', example: '亲属关系证明' })
  label!: string;
}

export class MaterialNoticeResponseDto {
  @ApiProperty({
    description: 'Every item that was missing, named at once (一次性告知)',
    type: [NoticeItemResponseDto],
  })
  items!: NoticeItemResponseDto[];

  @ApiProperty({
    description: 'Text of the notice given to the applicant',
    example: '您申请的亲属关系公证尚缺以下材料 ...',
  })
  notice!: string;

  @ApiProperty({ description: 'When it was given', example: '2026-11-28T03:00:00.000Z' })
  issuedAt!: string;

  @ApiPropertyOptional({ description: 'When the last missing item arrived', example: '2026-12-01T03:00:00.000Z' })
  satisfiedAt?: string;
}

export class ClockPauseResponseDto {
  @ApiProperty({ description: 'Paused at', example: '2026-11-28T03:00:00.000Z' })
  pausedAt!: string;

  @ApiProperty({ description: 'Resumed at', example: '2026-12-01T03:00:00.000Z' })
  resumedAt!: string;
}

export class CertificateClockResponseDto {
  @ApiProperty({
    description: 'not-started, running, paused, met, breached or cancelled',
    enum: CLOCK_STATUSES,
    example: 'running',
  })
  status!: string;

  @ApiPropertyOptional({
    description: 'Certificate due (15 working days from acceptance, pauses added)',
    example: '2026-12-19T15:59:59.999Z',
  })
  dueAt?: string;

  @ApiPropertyOptional({
    description: 'How the date was computed',
    example: '15 working days from 2026-11-28, start day not counted ...',
  })
  explanation?: string;

  @ApiPropertyOptional({ description: 'Paused since (waiting for materials)', example: '2026-11-28T03:00:00.000Z' })
  pausedAt?: string;

  @ApiProperty({ description: 'Finished pauses', type: [ClockPauseResponseDto] })
  pauses!: ClockPauseResponseDto[];
}

export class ApplicationResponseDto {
  @ApiProperty({
    description: 'Application id (handlerCaseId in reports)',
    example: '0d9f7c4e-5b6a-4e3d-9c2b-1a0f9e8d7c6b',
  })
  id!: string;

  @ApiProperty({ description: 'Work order', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'One-case-one-code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Notary office', example: '山东省兰陵县公证处' })
  organisationName!: string;

  @ApiProperty({ description: "Applicant's division", example: '371324001' })
  regionCode!: string;

  @ApiProperty({ description: 'Request description', example: '办理出国用亲属关系公证' })
  description!: string;

  @ApiProperty({ description: 'Applicant, masked as the caller may see it', type: ApplicantResponseDto })
  applicant!: ApplicantResponseDto;

  @ApiProperty({ description: 'Workflow state', enum: APPLICATION_STATUSES, example: 'awaiting-materials' })
  status!: string;

  @ApiPropertyOptional({ description: 'Matter applied for', example: 'kinship' })
  matterCode?: string;

  @ApiPropertyOptional({ description: 'Matter name', example: '亲属关系公证' })
  matterName?: string;

  @ApiPropertyOptional({ description: 'Fee in fen at acceptance', example: 8000 })
  feeFen?: number;

  @ApiPropertyOptional({
    description: 'When the office received (受理) the application',
    example: '2026-11-28T03:00:00.000Z',
  })
  submittedAt?: string;

  @ApiProperty({ description: 'The 15-working-day certificate clock', type: CertificateClockResponseDto })
  clock!: CertificateClockResponseDto;

  @ApiProperty({
    description: 'Checklist of the application and how each item is met',
    type: [ApplicationMaterialResponseDto],
  })
  materials!: ApplicationMaterialResponseDto[];

  @ApiPropertyOptional({
    description: 'The one-time notice of missing materials, if one was needed',
    type: MaterialNoticeResponseDto,
  })
  notice?: MaterialNoticeResponseDto;

  @ApiPropertyOptional({ description: 'Notary reviewing it', example: 'notary-li' })
  reviewerId?: string;

  @ApiPropertyOptional({ description: 'Certificate number', example: '(2026)鲁临沂证字第000123号' })
  certificateNumber?: string;

  @ApiPropertyOptional({ description: 'Certified copies issued', example: 2 })
  certificateCopies?: number;

  @ApiPropertyOptional({ description: 'Why the notarization was refused', example: '申请公证的事项不真实' })
  refusalReason?: string;

  @ApiPropertyOptional({ description: 'When it closed', example: '2026-12-10T03:00:00.000Z' })
  closedAt?: string;
}

export class ApplicationSummaryResponseDto {
  @ApiProperty({ description: 'Application id', example: '0d9f7c4e-5b6a-4e3d-9c2b-1a0f9e8d7c6b' })
  id!: string;

  @ApiProperty({ description: 'Work order', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'One-case-one-code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Workflow state', enum: APPLICATION_STATUSES, example: 'accepted' })
  status!: string;

  @ApiPropertyOptional({ description: 'Matter name', example: '亲属关系公证' })
  matterName?: string;

  @ApiPropertyOptional({ description: 'Certificate due', example: '2026-12-19T15:59:59.999Z' })
  dueAt?: string;

  @ApiProperty({ description: 'Clock state', enum: CLOCK_STATUSES, example: 'running' })
  clockStatus!: string;
}

export class ApplicationPageResponseDto {
  @ApiProperty({ description: 'Applications on this page', type: [ApplicationSummaryResponseDto] })
  items!: ApplicationSummaryResponseDto[];

  @ApiProperty({ description: 'Applications matching the query', example: 12 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
