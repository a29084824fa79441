import { ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES, WORK_ORDER_STATUSES } from '@legal/contracts';
import type { ServiceType, WorkOrderStatus } from '@legal/contracts';
import { IsRegionCode } from '@legal/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Work orders in the clerk's area (their organisation's region and everything below it). */
export class WorkOrderSearchQueryDto {
  @ApiPropertyOptional({
    description: 'Narrow to a region inside your jurisdiction (default: your whole area)',
    example: '371324101',
  })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({
    description: 'Statuses, comma-separated',
    enum: WORK_ORDER_STATUSES,
    isArray: true,
    example: ['offered', 'accepted'],
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(WORK_ORDER_STATUSES, { each: true })
  status?: WorkOrderStatus[];

  @ApiPropertyOptional({
    description: 'Service types, comma-separated',
    enum: SERVICE_TYPES,
    isArray: true,
    example: ['mediation'],
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(SERVICE_TYPES, { each: true })
  serviceType?: ServiceType[];

  @ApiPropertyOptional({ description: 'true: a deadline passed; false: none passed', example: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Received at or after (RFC 3339)', example: '2026-11-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Received before (RFC 3339)', example: '2026-12-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Page size (1-200)', example: 20, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Items to skip', example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
