import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '@legal/handler-kit';

export class CommitteeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only committees in this division and below (6, 9 or 12 digits)',
    example: '371324',
  })
  @IsOptional()
  @Matches(/^37\d{4}(\d{3}(\d{3})?)?$/, { message: 'regionCode must be a 6-, 9- or 12-digit Shandong division code' })
  regionCode?: string;
}
