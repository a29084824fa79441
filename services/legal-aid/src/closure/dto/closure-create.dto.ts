import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export const CLOSURE_OUTCOMES = [
  'judgment',
  'mediated-settlement',
  'settled',
  'withdrawn-by-applicant',
  'aid-terminated',
  'defence-completed',
  'other',
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export class ClosureCreateDto {
  @ApiProperty({ description: 'How the case ended', enum: CLOSURE_OUTCOMES, example: 'judgment' })
  @IsIn(CLOSURE_OUTCOMES)
  outcome!: ClosureOutcome;

  @ApiProperty({
    description: 'Result for the applicant (shown on the work order; no personal data)',
    example: '法院判决用人单位支付拖欠工资三万元',
    minLength: 2,
    maxLength: 1500,
  })
  @IsString()
  @Length(2, 1500)
  summary!: string;
}
