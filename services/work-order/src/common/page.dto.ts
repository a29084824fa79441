import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** limit/offset pagination of every list. */
export class PageQueryDto {
  @ApiProperty({ type: 'integer', description: 'Items per page (1-100)', example: 20, required: false, default: 20 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiProperty({ type: 'integer', description: 'Items to skip', example: 0, required: false, default: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function page<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, limit: query.limit, offset: query.offset };
}
