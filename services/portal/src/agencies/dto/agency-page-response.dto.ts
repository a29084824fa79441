import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One legal-service organisation as the work-order service's public directory describes it. */
export class AgencyResponseDto {
  @ApiProperty({ description: 'Organisation id', example: 'org-371324-legal-aid' })
  id!: string;

  @ApiProperty({ description: 'Name', example: '兰陵县法律援助中心' })
  name!: string;

  @ApiPropertyOptional({ description: 'Kind of organisation', example: 'legal-aid-centre' })
  kind?: string;

  @ApiProperty({ description: 'Division it serves (GB/T 2260)', example: '371324' })
  regionCode!: string;

  @ApiPropertyOptional({ description: 'Full name of the division', example: '山东省临沂市兰陵县' })
  regionName?: string;

  @ApiPropertyOptional({ description: 'Service types it handles', type: [String], example: ['legal-aid'] })
  serviceTypes?: string[];

  @ApiPropertyOptional({ description: 'Address', example: '兰陵县卞庄街道文化路1号' })
  address?: string;

  @ApiPropertyOptional({ description: 'Telephone', example: '0539-5211234' })
  phone?: string;

  @ApiPropertyOptional({ description: 'Opening hours', example: 'working days 08:30-12:00, 13:30-17:30' })
  hours?: string;
}

export class AgencyPageResponseDto {
  @ApiProperty({ description: 'Organisations, nearest level first', type: [AgencyResponseDto] })
  items!: AgencyResponseDto[];

  @ApiProperty({ description: 'Total matching organisations', example: 3 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Offset', example: 0 })
  offset!: number;
}
