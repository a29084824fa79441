import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Supplementary materials requested (art. 29): the clock stops. */
export class TermPauseDto {
  @ApiProperty({ description: 'Which materials are needed and why', example: '需补充原告伤后复查影像资料' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ description: 'When the request was made (default: now)', example: '2026-11-10T02:00:00.000Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  pausedAt?: string;
}

/** The supplementary materials arrived: the clock runs again. */
export class TermResumeDto {
  @ApiPropertyOptional({
    description: 'When the materials arrived (default: now)',
    example: '2026-11-17T02:00:00.000Z',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  resumedAt?: string;
}
