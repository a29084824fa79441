import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsString, Length, Max, Min } from 'class-validator';

export class ThresholdUpsertDto {
  @ApiProperty({
    description: 'Monthly income per household member (yuan) at or below which an applicant is in economic hardship',
    example: 1800,
  })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000000)
  monthlyIncomePerCapita!: number;

  @ApiProperty({
    description: 'Where the figure comes from',
    example: '临沂市人民政府公布的最低工资标准（2025）',
    minLength: 2,
    maxLength: 500,
  })
  @IsString()
  @Length(2, 500)
  basis!: string;
}
