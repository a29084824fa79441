import { ApiProperty } from '@nestjs/swagger';

export class AppraiserResponseDto {
  @ApiProperty({ description: 'Appraiser id', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' })
  id!: string;

  @ApiProperty({ description: 'Name', example: '王建国' })
  name!: string;

  @ApiProperty({ description: 'Licence number (执业证号)', example: '371300001001' })
  licenceNumber!: string;

  @ApiProperty({ description: 'Categories the appraiser is qualified for', example: ['forensic-medicine'] })
  categories!: string[];

  @ApiProperty({ description: 'Practising', example: true })
  active!: boolean;
}

export class InstitutionResponseDto {
  @ApiProperty({ description: 'Licence code (9 digits)', example: '371300001' })
  code!: string;

  @ApiProperty({ description: 'Name', example: '临沂市司法鉴定中心' })
  name!: string;

  @ApiProperty({ description: 'Region code', example: '371300' })
  regionCode!: string;

  @ApiProperty({ description: 'Organisation id in the work-order catalogue', example: 'org-371300-appraisal' })
  organisationId!: string;

  @ApiProperty({ description: 'Licensed categories', example: ['forensic-medicine', 'physical-evidence'] })
  categories!: string[];

  @ApiProperty({ description: 'Appraisers practising there', type: [AppraiserResponseDto] })
  appraisers!: AppraiserResponseDto[];
}
