import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import { IsRegionCode } from '@legal/domain';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page.dto';

export class PublicOrganisationQueryDto extends PageQueryDto {
  @ApiProperty({
    description:
      'Where the citizen lives: organisations serving this division (it and the levels above), nearest first',
    example: '371324101',
    required: false,
  })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiProperty({
    description: 'Only organisations handling this service type',
    enum: SERVICE_TYPES,
    example: 'legal-aid',
    required: false,
  })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: ServiceType;
}

/** An agency as the public lookup shows it. */
export class PublicOrganisationDto {
  @ApiProperty({ description: 'Id', example: 'org-371324-legal-aid' })
  id!: string;
  @ApiProperty({ description: 'Name', example: '临沂市兰陵县法律援助中心' })
  name!: string;
  @ApiProperty({ description: 'Kind', example: 'legal-aid-centre' })
  kind!: string;
  @ApiProperty({ description: 'Division served', example: '371324' })
  regionCode!: string;
  @ApiProperty({ description: 'Full name of the division', example: '山东省临沂市兰陵县' })
  regionName!: string;
  @ApiProperty({ description: 'Address', example: '山东省临沂市兰陵县' })
  address!: string;
  @ApiProperty({ description: 'Phone', example: '12348' })
  phone!: string;
  @ApiProperty({ description: 'Opening hours', example: 'working days 08:30-12:00, 13:30-17:30' })
  hours!: string;
  @ApiProperty({ description: 'Service types handled', example: ['legal-aid', 'duty-lawyer', 'notified-defence'] })
  serviceTypes!: string[];
}

export class PublicOrganisationPageDto {
  @ApiProperty({ description: 'Organisations', type: PublicOrganisationDto, isArray: true })
  items!: PublicOrganisationDto[];
  @ApiProperty({ description: 'Matching in all', example: 6 })
  total!: number;
  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;
  @ApiProperty({ description: 'Offset', example: 0 })
  offset!: number;
}
