import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export const OVERRIDE_RESULTS = ['eligible', 'ineligible'] as const;

export class HardshipOverrideDto {
  @ApiProperty({
    description: 'The result the officer sets instead of the computed one',
    enum: OVERRIDE_RESULTS,
    example: 'eligible',
  })
  @IsIn(OVERRIDE_RESULTS)
  result!: (typeof OVERRIDE_RESULTS)[number];

  @ApiProperty({
    description: 'Why (required): e.g. sudden medical expenses not reflected in the income',
    example: '家庭成员重病，医疗支出巨大，实际生活困难',
    minLength: 5,
    maxLength: 1000,
  })
  @IsString()
  @Length(5, 1000)
  reason!: string;
}
