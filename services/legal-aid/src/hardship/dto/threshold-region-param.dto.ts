import { ApiProperty } from '@nestjs/swagger';
import { IsRegionCode } from '@legal/domain';

export class ThresholdRegionParamDto {
  @ApiProperty({ description: 'Shandong province (370000), city (371300) or county (371324) code', example: '371324' })
  @IsRegionCode({ levels: ['province', 'city', 'county'] })
  regionCode!: string;
}
