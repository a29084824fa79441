import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ExemptCategoryCodeParamDto {
  @ApiProperty({ description: 'Category code', example: 'migrant-worker-wages' })
  @Matches(/^[a-z0-9-]{2,64}$/, { message: 'code must be lower-case letters, digits and dashes (2-64)' })
  code!: string;
}
