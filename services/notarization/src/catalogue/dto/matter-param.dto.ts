import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class MatterParamDto {
  @ApiProperty({ description: 'Matter code', example: 'kinship' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'code must be 2-40 lower-case letters, digits or dashes' })
  code!: string;
}
