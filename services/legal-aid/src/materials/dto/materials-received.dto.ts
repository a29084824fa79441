import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';

export class MaterialsReceivedDto {
  @ApiProperty({ description: 'Codes of the items received', example: ['income-proof'], type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @Matches(/^[a-z0-9-]{2,64}$/, {
    each: true,
    message: 'each item code is lower-case letters, digits and dashes (2-64)',
  })
  items!: string[];
}
