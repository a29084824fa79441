import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { IsRegionCode } from '@legal/domain';
import { OPEN311_SERVICE_CODES } from '../open311-catalogue';

/** `a,b,c` → ['a', 'b', 'c'] (GeoReport lists are comma-delimited). */
const commaList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v.length > 0)
    : value;

/** GeoReport v2 `GET requests` filters. */
export class Open311RequestQueryDto {
  @ApiPropertyOptional({
    description: 'Comma-delimited ids; when given, the other filters are ignored',
    example: ['0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01'],
  })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(100)
  @IsUUID('4', { each: true })
  service_request_id?: string[];

  @ApiPropertyOptional({ description: 'Comma-delimited service codes', example: ['legal-aid', 'mediation'] })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(20)
  @IsIn(OPEN311_SERVICE_CODES, { each: true })
  service_code?: string[];

  @ApiPropertyOptional({
    description: 'Earliest requested_datetime (W3C/RFC 3339); default 90 days before end_date',
    example: '2026-11-01T00:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  start_date?: string;

  @ApiPropertyOptional({
    description: 'Latest requested_datetime (W3C/RFC 3339); default now',
    example: '2026-12-04T23:59:59+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  end_date?: string;

  @ApiPropertyOptional({ description: 'Comma-delimited: open, closed', example: ['open'] })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(2)
  @IsIn(['open', 'closed'], { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: 'GB/T 2260 code: only requests in this area and below', example: '371324' })
  @IsOptional()
  @IsRegionCode()
  jurisdiction_id?: string;
}
