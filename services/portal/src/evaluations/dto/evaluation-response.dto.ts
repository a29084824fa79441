import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EvaluationResponseDto {
  @ApiProperty({ description: 'Evaluation id', format: 'uuid', example: '2c6a5b0e-5d1c-4c7f-8f0a-1a2b3c4d5e6f' })
  evaluationId!: string;

  @ApiProperty({ description: 'Work-order id', format: 'uuid', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'Case code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Score given', example: 4 })
  score!: number;

  @ApiPropertyOptional({ description: 'Comment given', example: '律师很耐心' })
  comment?: string;

  @ApiProperty({ description: 'When it was submitted', example: '2026-12-20T08:00:00.000Z' })
  submittedAt!: string;

  @ApiProperty({
    description: 'Whether the score reopens the work order for handling by a different handler',
    example: false,
  })
  reopens!: boolean;
}
