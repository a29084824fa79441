import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class OrganisationIdParamDto {
  @ApiProperty({
    description: 'Organisation id as registered with the router, or * for the default',
    example: 'org-371324-legal-aid',
  })
  @Matches(/^(\*|[A-Za-z0-9._:-]{1,64})$/, { message: 'organisationId must be * or 1-64 letters, digits, . _ : -' })
  organisationId!: string;
}
