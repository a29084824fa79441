import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WorkOrderViewResponseDto } from '@legal/platform-kit';

export class PendingSubmissionResponseDto {
  @ApiProperty({ description: 'Intake id', format: 'uuid', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  intakeId!: string;

  @ApiProperty({
    description:
      'submitted (no case code yet), rejected, or linked-to-existing (a related request already exists; no case code is shown)',
    example: 'submitted',
  })
  status!: string;

  @ApiPropertyOptional({ description: 'Requested service type', example: 'legal-aid' })
  serviceType?: string;

  @ApiProperty({ description: 'request, complaint or open311', example: 'request' })
  kind!: string;

  @ApiProperty({ description: 'When it was submitted', example: '2026-11-28T02:15:00.000Z' })
  submittedAt!: string;

  @ApiPropertyOptional({ description: 'Why it was refused', type: [String] })
  rejectionReasons?: string[];

  @ApiPropertyOptional({
    description: 'For linked-to-existing: what the submitter is told instead of the existing case',
    example: 'A related request already exists; staff will contact you. 已有相关诉求在办理中，工作人员将与您联系。',
  })
  note?: string;
}

/** The signed-in citizen's work orders (from every platform) and portal submissions still without a case code. */
export class MyRequestsResponseDto {
  @ApiProperty({ description: 'Work orders of this citizen, newest first', type: [WorkOrderViewResponseDto] })
  items!: WorkOrderViewResponseDto[];

  @ApiProperty({ description: 'Total work orders', example: 3 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Offset', example: 0 })
  offset!: number;

  @ApiProperty({
    description:
      'Portal submissions without a case code of their own (waiting, rejected, or linked to an existing request), newest first',
    type: [PendingSubmissionResponseDto],
  })
  pending!: PendingSubmissionResponseDto[];
}
