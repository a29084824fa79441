import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCaseCode } from '@legal/domain';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export class EvaluationCreateDto {
  @ApiProperty({ description: 'Case code of the resolved work order', example: '371324-20261128-000001-7' })
  @IsCaseCode()
  caseCode!: string;

  @ApiPropertyOptional({
    description: 'Access code (查询码) given once at submission (not needed when signed in as its citizen)',
    example: 'K7QM4-X2PRT',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  accessCode?: string;

  @ApiProperty({
    description: 'Satisfaction from 1 (very dissatisfied) to 5 (very satisfied); 2 or less reopens the work order',
    example: 4,
    minimum: 1,
    maximum: 5,
  })
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
