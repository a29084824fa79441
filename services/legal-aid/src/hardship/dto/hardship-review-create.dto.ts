import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

export class HardshipReviewCreateDto {
  @ApiPropertyOptional({
    description: 'People in the household (required unless an exempt category applies)',
    example: 3,
    minimum: 1,
    maximum: 50,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  householdSize?: number;

  @ApiPropertyOptional({
    description: 'Whole household income per month in yuan (required unless exempt)',
    example: 4500,
    minimum: 0,
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100000000)
  householdMonthlyIncome?: number;

  @ApiPropertyOptional({
    description: 'Statutory exempt category the applicant proved (see /exempt-categories); skips the income check',
    example: 'migrant-worker-wages',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,64}$/, {
    message: 'exemptCategoryCode must be a category code (lower-case letters, digits, dashes)',
  })
  exemptCategoryCode?: string;

  @ApiProperty({
    description: 'The applicant signed the integrity commitment (诚信承诺); required (true) unless exempt',
    example: true,
  })
  @IsBoolean()
  integrityCommitment!: boolean;

  @ApiPropertyOptional({
    description: 'Expertise the matter needs, for choosing the lawyer',
    example: ['labour'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z0-9-]{2,48}$/, {
    each: true,
    message: 'each matter tag is lower-case letters, digits and dashes (2-48)',
  })
  matterTags?: string[];

  @ApiPropertyOptional({
    description: 'Officer notes on the evidence seen (no ID numbers)',
    example: '提供了劳动合同和欠薪证明',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  notes?: string;
}
