import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

/** The appraisers designated for the matter (art. 19: two, distinct, qualified). */
export class AppraisersAssignDto {
  @ApiProperty({
    description: 'Ids of the two appraisers',
    example: ['1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f'],
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  appraiserIds!: string[];
}
