import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_STATUSES } from '@legal/platform-kit';
import type { IntakeStatus } from '@legal/platform-kit';
import { CALL_OUTCOMES, CallOutcome } from '../entities/hotline-call.entity';

/** A logged call as agents see it: the caller's number masked. */
export class CallResponseDto {
  @ApiProperty({ description: 'Call id', example: '5c1e7a52-9c4f-4c53-8d6e-1f2a3b4c5d6e' })
  id!: string;

  @ApiProperty({
    description: 'Intake id handed to the work-order service',
    example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
  })
  intakeId!: string;

  @ApiProperty({ description: 'What became of the intake so far', enum: INTAKE_STATUSES, example: 'submitted' })
  intakeStatus!: IntakeStatus;

  @ApiPropertyOptional({
    description:
      'Case code, once assigned; for a duplicate linked to an existing work order, that one’s code when it lies within your jurisdiction (otherwise withheld, see note)',
    example: '371324-20261128-000001-7',
  })
  caseCode?: string;

  @ApiPropertyOptional({
    description:
      'Only in the answer that logs the call: the access code (查询码) to read out to the caller; with the case code it tracks the request on the portal. Shown once, stored nowhere in clear.',
    example: 'K7QM4-X2PRT',
  })
  accessCode?: string;

  @ApiPropertyOptional({
    description: 'Set when the intake was linked to a work order outside your jurisdiction',
    example: 'Linked to an existing work order outside your jurisdiction; its code is withheld.',
  })
  note?: string;

  @ApiPropertyOptional({ description: 'Work order id, once assigned', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId?: string;

  @ApiProperty({
    description: 'Answered on the call, or follow-up as a work order',
    enum: CALL_OUTCOMES,
    example: 'follow-up',
  })
  outcome!: CallOutcome;

  @ApiProperty({ description: 'Caller phone, masked', example: '138****5678' })
  callerPhoneMasked!: string;

  @ApiProperty({ description: 'Last four digits of the caller phone', example: '5678' })
  callerPhoneLast4!: string;

  @ApiPropertyOptional({ description: 'Caller name, masked', example: '张*' })
  callerNameMasked?: string;

  @ApiProperty({ description: 'Region of the matter', example: '371324101' })
  regionCode!: string;

  @ApiProperty({ description: 'Language of the call', example: 'zh' })
  language!: string;

  @ApiPropertyOptional({ description: 'Service type given by the agent', example: 'legal-aid' })
  serviceType?: string;

  @ApiProperty({ description: 'Urgency', example: 'normal' })
  urgency!: string;

  @ApiProperty({ description: 'What the caller asked', example: '老板拖欠工资三万元不给' })
  description!: string;

  @ApiPropertyOptional({ description: 'What the agent answered', example: '告知可申请法律援助' })
  answerSummary?: string;

  @ApiProperty({ description: 'Agent who took the call', example: 'agent-17' })
  agentId!: string;

  @ApiProperty({ description: 'When the call was logged', example: '2026-11-28T02:15:00.000Z' })
  createdAt!: string;
}

export class CallPageDto {
  @ApiProperty({ type: [CallResponseDto], description: 'Calls, newest first' })
  items!: CallResponseDto[];

  @ApiProperty({ description: 'Calls matching the filter', example: 3 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
