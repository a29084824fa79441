import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PhoneEvaluation } from '../entities/phone-evaluation.entity';

export class PhoneEvaluationResponseDto {
  @ApiProperty({
    description: 'Evaluation id (also the EvaluationSubmitted evaluationId)',
    example: '2c6a5b0e-5d1c-4c7f-8f0a-1a2b3c4d5e6f',
  })
  id!: string;

  @ApiProperty({ description: 'Work order evaluated', example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  workOrderId!: string;

  @ApiProperty({ description: 'Case code', example: '371324-20261128-000001-7' })
  caseCode!: string;

  @ApiProperty({ description: 'Score 1-5', example: 4 })
  score!: number;

  @ApiPropertyOptional({ description: 'Comment', example: '律师很耐心' })
  comment?: string;

  @ApiProperty({ description: 'Agent who took it', example: 'agent-17' })
  agentId!: string;

  @ApiProperty({ description: 'When it was recorded', example: '2026-12-20T08:00:00.000Z' })
  createdAt!: string;

  static from(e: PhoneEvaluation): PhoneEvaluationResponseDto {
    return {
      id: e.id,
      workOrderId: e.workOrderId,
      caseCode: e.caseCode,
      score: e.score,
      ...(e.comment ? { comment: e.comment } : {}),
      agentId: e.agentId,
      createdAt: e.createdAt.toISOString(),
    };
  }
}
