import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode } from '@legal/domain';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class EvaluationCreateDto {
  @ApiProperty({ description: 'Case code of the resolved work order', example: '371324-20261128-000001-7' })
  @IsCaseCode()
  caseCode!: string;

  @ApiPropertyOptional({ description: 'Last four digits of the phone given with the request (not needed when signed in as its citizen)', example: '5678' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'phoneLast4 must be exactly four digits' })
  phoneLast4?: string;

  @ApiProperty({ description: 'Satisfaction from 1 (very dissatisfied) to 5 (very satisfied); 2 or less reopens the work order', example: 4, minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ description: 'Comment', example: '律师很耐心', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}
