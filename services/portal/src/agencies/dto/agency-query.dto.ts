import { ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import { IsRegionCode } from '@legal/domain';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export class AgencyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Where the citizen is (GB/T 2260 code): organisations serving it, from the village up to the province',
    example: '371324101',
  })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Service wanted', enum: SERVICE_TYPES, example: 'legal-aid' })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;
}
