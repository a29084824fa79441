import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeadlineResponseDto } from '../../deadlines/dto/deadline-response.dto';
import { PersonViewDto } from '../../personal-data/person-view.dto';
import { APPLICATION_KINDS, APPLICATION_STATES, DECISION_VALUES } from '../application-state';

export class ApplicationResponseDto {
  @ApiProperty({ description: 'Application id', example: '0b8f3c5e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ description: 'Legal-aid case number (handlerCaseId in reports)', example: 'LA-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ description: 'Where the application came from', enum: APPLICATION_KINDS, example: 'work-order' })
  kind!: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Work order (none for notified defence)',
    example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    nullable: true,
  })
  workOrderId!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Case code of the work order',
    example: '371321-20261128-000001-7',
    nullable: true,
  })
  caseCode!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Notified-defence notice',
    example: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b',
    nullable: true,
  })
  noticeId!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Handling organisation',
    example: 'org-371324-legal-aid',
    nullable: true,
  })
  organisationId!: string | null;

  @ApiProperty({ description: 'Jurisdiction region code', example: '371324' })
  regionCode!: string;

  @ApiProperty({ description: 'Where the matter is', example: '371324101' })
  matterRegionCode!: string;

  @ApiProperty({ description: 'The matter', example: '老板拖欠工资三万元' })
  description!: string;

  @ApiProperty({ description: 'Expertise the matter needs', example: ['labour'], type: [String] })
  expertiseTags!: string[];

  @ApiProperty({ description: 'Legal deadline within 7 days: provided first (先行提供)', example: false })
  urgent!: boolean;

  @ApiPropertyOptional({
    type: String,
    description: 'Legal deadline of the matter',
    example: '2026-12-01T00:00:00.000Z',
    nullable: true,
  })
  legalDeadlineAt!: string | null;

  @ApiProperty({ description: 'Workflow state', enum: APPLICATION_STATES, example: 'received' })
  state!: string;

  @ApiProperty({ description: 'When the agency received the application', example: '2026-11-28T02:20:00.000Z' })
  receivedAt!: string;

  @ApiPropertyOptional({ description: 'Decision', enum: DECISION_VALUES, example: 'grant', nullable: true })
  decision!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Reason given with the decision',
    example: '符合经济困难标准，事项属于法律援助范围',
    nullable: true,
  })
  decisionReason!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'When decided',
    example: '2026-11-30T02:00:00.000Z',
    nullable: true,
  })
  decidedAt!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Appointed lawyer',
    example: '5c1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
    nullable: true,
  })
  lawyerId!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'When the lawyer was appointed',
    example: '2026-11-30T03:00:00.000Z',
    nullable: true,
  })
  appointedAt!: string | null;

  @ApiProperty({ description: 'Lawyer appointed before the decision (先行提供)', example: false })
  providedFirst!: boolean;

  @ApiPropertyOptional({
    type: String,
    description: 'Why no lawyer could be appointed automatically yet',
    example: 'no active lawyer with capacity in county 371324 or its city',
    nullable: true,
  })
  appointmentBlockedReason!: string | null;

  @ApiPropertyOptional({ type: String, description: 'Closure outcome', example: 'judgment', nullable: true })
  closureOutcome!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'Closure summary',
    example: '判决支持全部工资请求',
    nullable: true,
  })
  closureSummary!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'When closed',
    example: '2027-02-01T02:00:00.000Z',
    nullable: true,
  })
  closedAt!: string | null;

  @ApiProperty({ description: 'Applicant or notified suspect (masked unless your role needs it)', type: PersonViewDto })
  applicant!: PersonViewDto;

  @ApiProperty({ description: 'Statutory clocks', type: [DeadlineResponseDto] })
  deadlines!: DeadlineResponseDto[];
}
