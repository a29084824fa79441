import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** The officer confirms the exempt category the matter shows (法律援助法 第四十二条). */
export class ExemptionConfirmDto {
  @ApiProperty({
    description: 'Exempt category (usually the proposed one: proposedExemptCategory of the review)',
    example: 'migrant-worker-wages',
  })
  @Matches(/^[a-z0-9-]{2,64}$/)
  exemptCategoryCode!: string;

  @ApiProperty({
    description: 'What the officer checked',
    example: '劳动合同与工地考勤记录证明申请人为进城务工人员',
    minLength: 5,
    maxLength: 500,
  })
  @IsString()
  @Length(5, 500)
  reason!: string;
}
