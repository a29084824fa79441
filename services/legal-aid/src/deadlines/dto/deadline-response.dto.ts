import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../entities/application-deadline.entity';
import type { ApplicationDeadline } from '../entities/application-deadline.entity';

export class DeadlineResponseDto {
  @ApiProperty({ description: 'Which statutory clock', enum: DEADLINE_KINDS, example: 'legal-aid-decision' })
  kind!: string;

  @ApiProperty({ description: 'How the period is counted', example: 'calendar-days' })
  rule!: string;

  @ApiProperty({ description: 'Length of the period', example: 7 })
  days!: number;

  @ApiProperty({ description: 'When the clock started (not counted)', example: '2026-11-28T02:20:00.000Z' })
  startedAt!: string;

  @ApiProperty({ description: 'Last instant the step is on time', example: '2026-12-07T15:59:59.999Z' })
  dueAt!: string;

  @ApiProperty({
    description: 'How the due time was computed',
    example: '7 calendar days from 2026-11-28, start day not counted ...',
  })
  explanation!: string;

  @ApiProperty({ description: 'Clock status', enum: DEADLINE_STATUSES, example: 'running' })
  status!: string;

  @ApiPropertyOptional({
    type: String,
    description: 'When the step happened',
    example: '2026-11-30T02:00:00.000Z',
    nullable: true,
  })
  completedAt!: string | null;

  static of(d: ApplicationDeadline): DeadlineResponseDto {
    return {
      kind: d.kind,
      rule: d.rule,
      days: d.days,
      startedAt: d.startedAt.toISOString(),
      dueAt: d.dueAt.toISOString(),
      explanation: d.explanation,
      status: d.status,
      completedAt: d.completedAt?.toISOString() ?? null,
    };
  }
}
