import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PartnerAgreementDto } from './partner-agreement.dto';

export class PartnerClientResponseDto {
  @ApiProperty({ description: 'Client id', example: 'jinan-intermediate-court' })
  clientId!: string;

  @ApiProperty({ description: 'Partner agency', example: '济南市中级人民法院' })
  name!: string;

  @ApiProperty({ description: 'Organisation id', example: 'org-370100-court', nullable: true, type: String })
  organisationId!: string | null;

  @ApiPropertyOptional({
    description: 'Area of the agency (GB/T 2260): its tokens carry it as `region`',
    example: '370100',
    nullable: true,
    type: String,
  })
  regionCode?: string | null;

  @ApiPropertyOptional({
    description: 'Hotline platform the client speaks for (12345), or null',
    example: '12345',
    nullable: true,
    type: String,
  })
  channel?: string | null;

  @ApiProperty({ description: 'Data-sharing agreement', type: PartnerAgreementDto })
  agreement!: PartnerAgreementDto;

  @ApiProperty({ description: 'Disabled clients get no tokens', example: false })
  disabled!: boolean;

  @ApiProperty({ description: 'Created', example: '2025-11-28T08:00:00.000Z' })
  createdAt!: string;
}

export class PartnerClientCreatedResponseDto extends PartnerClientResponseDto {
  @ApiPropertyOptional({
    description: 'The client secret: shown this once, store it safely',
    example: 'cs_3q2+7wRkVbN...',
  })
  clientSecret!: string;
}
