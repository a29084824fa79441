import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_STATUSES, WorkOrderViewResponseDto } from '@legal/platform-kit';

export class IntakeStatusResponseDto {
  @ApiProperty({ description: 'Intake id', format: 'uuid', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  intakeId!: string;

  @ApiProperty({
    description:
      'submitted (waiting for the work-order service), registered (new case code), linked-to-existing (a related request already exists: staff will contact you; no case code is shown), closed-on-spot, triage, rejected',
    enum: INTAKE_STATUSES,
    example: 'registered',
  })
  status!: string;

  @ApiPropertyOptional({
    description:
      'Case code (一案一码) of the work order this submission created, as soon as assigned (never shown for linked-to-existing)',
    example: '371324-20261128-000001-7',
  })
  caseCode?: string;

  @ApiPropertyOptional({
    description: 'Work-order id',
    format: 'uuid',
    example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
  })
  workOrderId?: string;

  @ApiPropertyOptional({
    description: 'Why it was refused',
    type: [String],
    example: ['region 110101 is outside Shandong'],
  })
  rejectionReasons?: string[];

  @ApiPropertyOptional({
    description: 'For linked-to-existing: what the submitter is told instead of the existing case',
    example: 'A related request already exists; staff will contact you. 已有相关诉求在办理中，工作人员将与您联系。',
  })
  note?: string;

  @ApiProperty({ description: 'When it was submitted', example: '2026-11-28T02:15:00.000Z' })
  submittedAt!: string;

  @ApiPropertyOptional({ description: 'When the outcome arrived', example: '2026-11-28T02:15:01.000Z' })
  outcomeAt?: string;

  @ApiPropertyOptional({
    description: 'The work order, once this platform’s read model has it',
    type: WorkOrderViewResponseDto,
  })
  workOrder?: WorkOrderViewResponseDto;
}
