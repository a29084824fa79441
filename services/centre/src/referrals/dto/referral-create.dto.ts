import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode, IsRegionCode } from '@legal/domain';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ReferralCreateDto {
  @ApiProperty({ description: 'Case code of the matter to refer', example: '371324-20261128-000001-7' })
  @IsCaseCode()
  caseCode!: string;

  @ApiProperty({ description: 'Organisation that should take the matter', example: 'org-371324-mediation' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'toOrganisationId must be 1-64 letters, digits, dots, dashes or underscores',
  })
  toOrganisationId!: string;

  @ApiPropertyOptional({
    description: 'Region of the receiving organisation (default: read from an id of the form org-<region>-<kind>)',
    example: '371324',
  })
  @IsOptional()
  @IsRegionCode()
  toRegionCode?: string;

  @ApiProperty({ description: 'Why the matter is referred', example: '邻里纠纷，需村调委会调解', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ReferralRejectDto {
  @ApiProperty({
    description: 'Why the receiving organisation cannot take the matter',
    example: '不属于本单位受理范围',
    maxLength: 1000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
