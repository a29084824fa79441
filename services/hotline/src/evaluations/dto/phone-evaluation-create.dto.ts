import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode } from '@legal/domain';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PhoneEvaluationCreateDto {
  @ApiProperty({ description: 'Case code of the resolved work order', example: '371324-20261128-000001-7' })
  @IsCaseCode()
  caseCode!: string;

  @ApiProperty({
    description: 'Satisfaction score the citizen gave, 1 (very unhappy) to 5 (very happy); 1-2 reopens the work order',
    example: 4,
    minimum: 1,
    maximum: 5,
  })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({
    description: "The citizen's comment, as the agent noted it",
    example: '律师很耐心',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment?: string;
}
