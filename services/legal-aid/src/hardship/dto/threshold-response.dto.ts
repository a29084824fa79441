import { ApiProperty } from '@nestjs/swagger';
import { THRESHOLD_LEVELS } from '../entities/hardship-threshold.entity';
import type { HardshipThreshold } from '../entities/hardship-threshold.entity';

export class ThresholdResponseDto {
  @ApiProperty({ description: 'Region code', example: '371324' })
  regionCode!: string;

  @ApiProperty({ description: 'Level', enum: THRESHOLD_LEVELS, example: 'county' })
  level!: string;

  @ApiProperty({ description: 'Yuan per household member per month', example: 1800 })
  monthlyIncomePerCapita!: number;

  @ApiProperty({ description: 'Source of the figure', example: '临沂市人民政府公布的最低工资标准（2025）' })
  basis!: string;

  @ApiProperty({ description: 'Who changed it last', example: 'admin-1' })
  updatedBy!: string;

  @ApiProperty({ description: 'When it was changed last', example: '2026-11-28T02:00:00.000Z' })
  updatedAt!: string;

  static of(t: HardshipThreshold): ThresholdResponseDto {
    return {
      regionCode: t.regionCode,
      level: t.level,
      monthlyIncomePerCapita: t.monthlyIncomePerCapita,
      basis: t.basis,
      updatedBy: t.updatedBy,
      updatedAt: t.updatedAt.toISOString(),
    };
  }
}
