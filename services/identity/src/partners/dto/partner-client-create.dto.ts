import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { PARTNER_CHANNELS } from '../entities/partner-client.entity';
import type { PartnerChannel } from '../entities/partner-client.entity';
import { PartnerAgreementDto } from './partner-agreement.dto';

export class PartnerClientCreateDto {
  @ApiProperty({ description: 'Client id the partner signs in with', example: 'jinan-intermediate-court' })
  @Matches(/^[a-z0-9][a-z0-9.-]{2,63}$/, {
    message: 'clientId must be 3-64 lower-case letters, digits, dots or dashes',
  })
  clientId!: string;

  @ApiProperty({ description: 'Name of the partner agency', example: '济南市中级人民法院' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    description: 'Organisation id of the partner, if it is one of ours',
    example: 'org-370100-court',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
    message: 'organisationId must be 1-64 letters, digits, dots, colons, dashes or underscores',
  })
  organisationId?: string;

  @ApiPropertyOptional({
    description: "GB/T 2260 code of the agency's area: notices it files must lie in it (token claim `region`)",
    example: '370100',
  })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({
    description: 'Hotline platform the client speaks for: 12345 may transfer matters (POST /partner/transfers)',
    enum: PARTNER_CHANNELS,
    example: '12345',
  })
  @IsOptional()
  @IsIn(PARTNER_CHANNELS)
  channel?: PartnerChannel;

  @ApiProperty({ description: 'Data-sharing agreement', type: PartnerAgreementDto })
  @ValidateNested()
  @Type(() => PartnerAgreementDto)
  agreement!: PartnerAgreementDto;
}
