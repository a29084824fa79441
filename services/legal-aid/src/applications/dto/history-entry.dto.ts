import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HistoryEntryDto {
  @ApiProperty({ description: 'When', example: '2026-11-28T02:20:00.000Z' })
  at!: string;

  @ApiProperty({ description: 'Who (staff subject, partner client or system component)', example: 'officer-7' })
  actor!: string;

  @ApiProperty({ description: 'What happened', example: 'decided' })
  action!: string;

  @ApiPropertyOptional({ type: String, description: 'State before', example: 'reviewed', nullable: true })
  fromState!: string | null;

  @ApiPropertyOptional({ type: String, description: 'State after', example: 'granted', nullable: true })
  toState!: string | null;

  @ApiProperty({ description: 'Why / details', example: 'grant: 符合经济困难标准' })
  detail!: string;
}
