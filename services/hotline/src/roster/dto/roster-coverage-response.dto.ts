import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RosterShiftResponseDto } from './roster-shift-response.dto';

export class CoverageGapDto {
  @ApiProperty({ description: 'Gap start (inclusive)', example: '2026-12-01T12:00:00.000Z' })
  start!: string;

  @ApiProperty({ description: 'Gap end (exclusive)', example: '2026-12-02T00:00:00.000Z' })
  end!: string;

  @ApiProperty({ description: 'Length of the gap in minutes', example: 720 })
  minutes!: number;

  @ApiProperty({ description: 'Seats staffed during the gap (fewer than required)', example: 0 })
  staffedSeats!: number;
}

export class RosterCoverageResponseDto {
  @ApiProperty({ description: 'Window start', example: '2026-11-30T16:00:00.000Z' })
  from!: string;

  @ApiProperty({ description: 'Window end', example: '2026-12-07T16:00:00.000Z' })
  to!: string;

  @ApiProperty({ description: 'Seats required at every moment', example: 1 })
  minSeats!: number;

  @ApiPropertyOptional({ description: 'Language the report is restricted to', example: 'zh' })
  language?: string;

  @ApiPropertyOptional({ description: 'Whether only expert seats were counted', example: false })
  expertSeat?: boolean;

  @ApiProperty({ description: 'True when the window has no gap: 7x24 coverage holds', example: false })
  fullyCovered!: boolean;

  @ApiProperty({ description: 'Share of the window that is covered, 0-100 (plan indicator 2: 100%)', example: 87.5 })
  coveragePercent!: number;

  @ApiProperty({ type: [CoverageGapDto], description: 'Every gap, earliest first' })
  gaps!: CoverageGapDto[];
}

export class RosterOnDutyResponseDto {
  @ApiProperty({ description: 'The instant asked about', example: '2026-12-01T15:30:00.000Z' })
  at!: string;

  @ApiProperty({ description: 'True when at least one matching seat is staffed', example: true })
  covered!: boolean;

  @ApiProperty({ type: [RosterShiftResponseDto], description: 'Shifts running at that instant' })
  shifts!: RosterShiftResponseDto[];
}
