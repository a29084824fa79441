import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { DECISION_VALUES, DecisionValue } from '../../applications/application-state';

export class DecisionCreateDto {
  @ApiProperty({ description: 'Grant or deny legal aid', enum: DECISION_VALUES, example: 'deny' })
  @IsIn(DECISION_VALUES)
  decision!: DecisionValue;

  @ApiProperty({
    description: 'Reason; for a denial it is shown to the applicant on every platform (no personal data)',
    example: '家庭人均月收入高于本县经济困难标准，不符合法律援助条件',
    minLength: 2,
    maxLength: 1500,
  })
  @IsString()
  @Length(2, 1500)
  reason!: string;
}
