import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** `:code` of an institution. */
export class InstitutionParamDto {
  @ApiProperty({ description: 'Licence code (9 digits)', example: '371300001' })
  @Matches(/^\d{9}$/)
  code!: string;
}
