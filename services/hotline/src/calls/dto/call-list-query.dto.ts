import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { CALL_OUTCOMES, CallOutcome } from '../entities/hotline-call.entity';

export class CallListQueryDto {
  @ApiPropertyOptional({
    description: 'Only calls taken by this agent ("me" for the caller of the API)',
    example: 'me',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  agentId?: string;

  @ApiPropertyOptional({ description: 'Only this outcome', enum: CALL_OUTCOMES, example: 'answered-on-spot' })
  @IsOptional()
  @IsIn(CALL_OUTCOMES)
  outcome?: CallOutcome;

  @ApiPropertyOptional({ description: 'Logged at or after (RFC 3339)', example: '2026-11-28T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Logged before (RFC 3339)', example: '2026-11-29T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Page size (1-100)', example: 20, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Items to skip', example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
