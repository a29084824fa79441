import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsChinesePhone } from '@legal/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Sent in a POST body so the number never appears in a URL or an access log. */
export class CallerHistoryQueryDto {
  @ApiProperty({ description: 'Caller phone number', example: '13812345678' })
  @IsChinesePhone()
  phone!: string;

  @ApiPropertyOptional({ description: 'Page size for work orders and calls (1-100)', example: 20, default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Items to skip in both lists', example: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  offset: number = 0;
}

/** Paging of a history asked for by call id. */
export class CallerHistoryPageQueryDto {
  @ApiPropertyOptional({ description: 'Page size for work orders and calls (1-100)', example: 20, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Items to skip in both lists', example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
