import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class ReturnVisitCompleteDto {
  @ApiProperty({ description: 'Whether the aided person was reached', example: true })
  @IsBoolean()
  reached!: boolean;

  @ApiPropertyOptional({
    description: 'Satisfaction with the aid, 1 (very dissatisfied) to 5 (very satisfied)',
    example: 5,
    minimum: 1,
    maximum: 5,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction?: number;

  @ApiProperty({
    description: 'What the aided person said about the lawyer and the result',
    example: '对律师服务满意，工资已全部追回',
    minLength: 2,
    maxLength: 2000,
  })
  @IsString()
  @Length(2, 2000)
  notes!: string;
}
