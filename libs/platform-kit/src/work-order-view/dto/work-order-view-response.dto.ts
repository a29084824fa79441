import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HANDLERS, PLATFORMS, SERVICE_TYPES, WORK_ORDER_STATUSES } from '@legal/contracts';

export class DeadlineResponseDto {
  @ApiProperty({ description: 'What is due', example: 'legal-aid-decision' })
  kind!: string;

  @ApiProperty({
    description: 'When it is due (RFC 3339: UTC for staff, Asia/Shanghai +08:00 for citizens and the public)',
    example: '2026-12-05T15:59:59.999Z',
  })
  dueAt!: string;

  @ApiProperty({
    description: 'Counting rule that produced the date',
    enum: ['calendar-days', 'working-days', 'hours'],
    example: 'calendar-days',
  })
  rule!: string;

  @ApiProperty({ description: 'How the date was computed', example: '7 days from 2026-11-28, start day not counted' })
  explanation!: string;

  @ApiProperty({
    description: 'Deadline state',
    enum: ['running', 'paused', 'met', 'breached', 'cancelled'],
    example: 'running',
  })
  status!: string;
}

export class TimelineEntryResponseDto {
  @ApiProperty({ description: 'Position in the work order timeline, from 1', example: 3 })
  seq!: number;

  @ApiProperty({
    description: 'When it happened (RFC 3339: UTC for staff, Asia/Shanghai +08:00 for citizens and the public)',
    example: '2026-11-28T02:20:00.000Z',
  })
  at!: string;

  @ApiProperty({ description: 'What happened', example: 'offer-accepted' })
  action!: string;

  @ApiProperty({ description: 'Role of whoever did it', example: 'legal-aid-officer' })
  actorRole!: string;

  @ApiPropertyOptional({ description: 'Who did it (staff only)', example: 'officer-12' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'Platform it came from', enum: PLATFORMS, example: 'portal' })
  platform?: string;

  @ApiPropertyOptional({ description: 'Free-text note (hidden from public tracking)', example: 'Materials complete' })
  note?: string;

  @ApiProperty({ description: 'Work-order status after this step', enum: WORK_ORDER_STATUSES, example: 'accepted' })
  status!: string;
}

export class CitizenSummaryResponseDto {
  @ApiPropertyOptional({ description: 'Last four digits of the contact phone', example: '5678' })
  phoneLast4?: string;

  @ApiPropertyOptional({ description: 'Masked name', example: '张*' })
  displayName?: string;
}

export class StatusTextResponseDto {
  @ApiProperty({
    description: 'Plain-language status',
    example: 'Your legal-aid application is being reviewed; a decision is due by 5 December.',
  })
  headline!: string;

  @ApiProperty({ description: 'What the citizen should do now', example: 'Nothing to do for now.' })
  nextStep!: string;

  @ApiPropertyOptional({
    description: 'When the promised next step is due (RFC 3339)',
    example: '2026-12-05T15:59:59.999Z',
  })
  expectedBy?: string;
}

/** A work order as every platform shows it: the same status, deadlines and timeline wherever asked. */
export class WorkOrderViewResponseDto {
  @ApiProperty({ description: 'Work-order id', format: 'uuid', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'One-case-one-code (一案一码)', example: '371321-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Version of the work order this view reflects', example: 3 })
  version!: number;

  @ApiProperty({ description: 'Internal status', enum: WORK_ORDER_STATUSES, example: 'accepted' })
  status!: string;

  @ApiProperty({ description: 'Service catalogue code', enum: SERVICE_TYPES, example: 'legal-aid' })
  serviceType!: string;

  @ApiProperty({ description: 'GB/T 2260 region of the matter', example: '371324101' })
  regionCode!: string;

  @ApiPropertyOptional({ description: 'Handling organisation id', example: 'org-371324-legal-aid' })
  organisationId?: string;

  @ApiPropertyOptional({ description: 'Handling organisation name', example: '兰陵县法律援助中心' })
  organisationName?: string;

  @ApiPropertyOptional({ description: 'Handler service', enum: HANDLERS, example: 'legal-aid' })
  handler?: string;

  @ApiPropertyOptional({ description: 'Assigned staff member (staff only)', example: 'officer-12' })
  staffId?: string;

  @ApiProperty({ description: 'Deadlines (SLA)', type: [DeadlineResponseDto] })
  deadlines!: DeadlineResponseDto[];

  @ApiProperty({ description: 'Timeline in seq order', type: [TimelineEntryResponseDto] })
  timeline!: TimelineEntryResponseDto[];

  @ApiPropertyOptional({
    description: 'Minimised citizen identity (absent on public tracking and for staff who may not see a complainant)',
    type: CitizenSummaryResponseDto,
  })
  citizen?: CitizenSummaryResponseDto;

  @ApiProperty({
    description: 'Platforms the requests of this work order came from',
    enum: PLATFORMS,
    isArray: true,
    example: ['hotline', 'portal'],
  })
  platforms!: string[];

  @ApiProperty({ description: 'Platform of the first request', enum: PLATFORMS, example: 'hotline' })
  originPlatform!: string;

  @ApiProperty({ description: 'When the first request was received (RFC 3339)', example: '2026-11-28T02:15:00.000Z' })
  receivedAt!: string;

  @ApiProperty({ description: 'Time of the latest change (RFC 3339)', example: '2026-11-28T02:20:00.000Z' })
  updatedAt!: string;

  @ApiPropertyOptional({
    description: 'For complaints and follow-ups: the case code this one relates to',
    example: '371321-20261128-000001-7',
  })
  relatedCaseCode?: string;

  @ApiPropertyOptional({
    description: 'Complaints: the organisation complained about (staff only)',
    example: 'org-371324-legal-aid',
  })
  complaintAgainstOrganisationId?: string;

  @ApiProperty({
    description: 'Plain-language status with the next step and expected date',
    type: StatusTextResponseDto,
  })
  statusText!: StatusTextResponseDto;
}
