import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class OfficeParamDto {
  @ApiProperty({ description: 'Organisation id of the office', example: 'org-371324-notary' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'organisationId must be 1-64 letters, digits, . _ -' })
  organisationId!: string;
}
