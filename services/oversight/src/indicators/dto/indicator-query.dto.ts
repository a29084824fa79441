import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class IndicatorQueryDto {
  @ApiProperty({ description: 'Day, month, quarter, year, or a range A..B of those', example: '2026-11' })
  @IsString()
  @MaxLength(40)
  period!: string;

  @ApiPropertyOptional({
    description: 'Division code (province, city, county or township); default: yours',
    example: '370100',
  })
  @IsOptional()
  @Matches(/^37\d{4}(\d{3})?$/)
  region?: string;
}

export class DrillDownQueryDto extends IndicatorQueryDto {
  @ApiPropertyOptional({ example: 50, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class ChartQueryDto extends IndicatorQueryDto {
  @ApiPropertyOptional({ enum: ['svg', 'png'], default: 'svg' })
  @IsOptional()
  @IsIn(['svg', 'png'])
  format?: 'svg' | 'png';

  @ApiPropertyOptional({
    description: 'Indicator of the trend and ranking charts',
    example: 'intakes',
    default: 'intakes',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  indicator?: string;
}

export class ExportQueryDto extends IndicatorQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';
}

export class ReportQueryDto {
  @ApiPropertyOptional({ description: 'Division code; default: yours', example: '370000' })
  @IsOptional()
  @Matches(/^37\d{4}(\d{3})?$/)
  region?: string;
}
