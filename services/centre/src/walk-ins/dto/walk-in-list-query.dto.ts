import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class WalkInListQueryDto {
  @ApiPropertyOptional({ description: 'Registered at or after (RFC 3339)', example: '2026-11-28T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Registered before (RFC 3339)', example: '2026-11-29T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    description: 'pending: no outcome yet; recorded: outcome recorded',
    enum: ['pending', 'recorded'],
    example: 'pending',
  })
  @IsOptional()
  @IsIn(['pending', 'recorded'])
  state?: 'pending' | 'recorded';

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
