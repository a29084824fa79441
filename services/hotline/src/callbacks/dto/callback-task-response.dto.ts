import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CALLBACK_REASONS, CALLBACK_STATUSES } from '../entities/callback-task.entity';
import type { CallbackReason, CallbackStatus, CallbackTask } from '../entities/callback-task.entity';

export class CallbackTaskResponseDto {
  @ApiProperty({ description: 'Task id', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  id!: string;

  @ApiProperty({ description: 'Work order the call is about', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'Case code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Why the citizen must be called', enum: CALLBACK_REASONS, example: 'needs-information' })
  reason!: CallbackReason;

  @ApiProperty({ description: 'Queue status', enum: CALLBACK_STATUSES, example: 'open' })
  status!: CallbackStatus;

  @ApiProperty({ description: 'Call back by', example: '2026-12-02T15:59:59.999Z' })
  dueAt!: string;

  @ApiProperty({ description: 'How the due time was counted', example: 'working-days' })
  deadlineRule!: string;

  @ApiProperty({
    description: 'Explanation of the due time',
    example: '2 working days after 2026-11-28 (start day not counted)',
  })
  deadlineExplanation!: string;

  @ApiProperty({ description: 'Past the due time and not finished', example: false })
  overdue!: boolean;

  @ApiProperty({ description: 'Why the task was raised', example: 'The handler needs information from the citizen' })
  detail!: string;

  @ApiPropertyOptional({
    description: 'Last four digits of the citizen phone (ask the citizen to confirm them)',
    example: '5678',
  })
  phoneLast4?: string;

  @ApiPropertyOptional({
    description: 'Full number to dial: only for the agent who claimed the task, and only when the hotline knows it',
    example: '13812345678',
  })
  callbackPhone?: string;

  @ApiPropertyOptional({ description: 'Masked citizen name', example: '张*' })
  citizenDisplayName?: string;

  @ApiPropertyOptional({ description: 'Region of the work order', example: '371324101' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Service type of the work order', example: 'legal-aid' })
  serviceType?: string;

  @ApiPropertyOptional({ description: 'Agent who claimed it', example: 'agent-17' })
  claimedBy?: string;

  @ApiPropertyOptional({ description: 'When it was claimed', example: '2026-11-28T03:00:00.000Z' })
  claimedAt?: string;

  @ApiPropertyOptional({ description: 'Agent who completed it', example: 'agent-17' })
  completedBy?: string;

  @ApiPropertyOptional({ description: 'When it was completed or withdrawn', example: '2026-11-28T03:20:00.000Z' })
  completedAt?: string;

  @ApiPropertyOptional({
    description: 'Outcome (superseded: withdrawn because the work order moved on)',
    example: 'information-received',
  })
  outcome?: string;

  @ApiPropertyOptional({ description: 'Agent notes', example: '申请人明日送达材料' })
  note?: string;

  @ApiProperty({ description: 'When the task was raised', example: '2026-11-28T02:20:00.000Z' })
  createdAt!: string;

  static from(task: CallbackTask, now: Date, callbackPhone?: string): CallbackTaskResponseDto {
    const live = task.status === 'open' || task.status === 'claimed';
    const opt = <K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> =>
      value === null ? {} : ({ [key]: value } as Record<K, V>);
    return {
      id: task.id,
      workOrderId: task.workOrderId,
      caseCode: task.caseCode,
      reason: task.reason,
      status: task.status,
      dueAt: task.dueAt.toISOString(),
      deadlineRule: task.deadlineRule,
      deadlineExplanation: task.deadlineExplanation,
      overdue: live && task.dueAt.getTime() < now.getTime(),
      detail: task.detail,
      ...opt('phoneLast4', task.phoneLast4),
      ...(callbackPhone ? { callbackPhone } : {}),
      ...opt('citizenDisplayName', task.citizenDisplayName),
      ...opt('regionCode', task.regionCode),
      ...opt('serviceType', task.serviceType),
      ...opt('claimedBy', task.claimedBy),
      ...opt('claimedAt', task.claimedAt?.toISOString() ?? null),
      ...opt('completedBy', task.completedBy),
      ...opt('completedAt', task.completedAt?.toISOString() ?? null),
      ...opt('outcome', task.outcome),
      ...opt('note', task.note),
      createdAt: task.createdAt.toISOString(),
    };
  }
}

export class CallbackTaskPageDto {
  @ApiProperty({ type: [CallbackTaskResponseDto], description: 'Tasks, earliest due first' })
  items!: CallbackTaskResponseDto[];

  @ApiProperty({ description: 'Tasks matching the filter', example: 7 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
