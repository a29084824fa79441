import { ApiProperty } from '@nestjs/swagger';

export class OfficeResponseDto {
  @ApiProperty({ description: 'Organisation id of the office (as the router names it)', example: 'org-371324-notary' })
  organisationId!: string;

  @ApiProperty({ description: 'Name', example: '山东省兰陵县公证处' })
  name!: string;

  @ApiProperty({ description: 'Division', example: '371324' })
  regionCode!: string;

  @ApiProperty({ description: 'Certificate-number prefix', example: '鲁临沂' })
  certificatePrefix!: string;

  @ApiProperty({ description: 'Capacity for automatic acceptance', example: 200 })
  maxOpenApplications!: number;

  @ApiProperty({ description: 'Applications currently open at the office', example: 12 })
  openApplications!: number;
}

export class OfficeListResponseDto {
  @ApiProperty({ description: 'Notary offices', type: [OfficeResponseDto] })
  items!: OfficeResponseDto[];

  @ApiProperty({ description: 'Number of offices', example: 3 })
  total!: number;
}
