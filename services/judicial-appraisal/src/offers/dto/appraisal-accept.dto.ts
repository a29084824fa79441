import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, ValidateNested } from 'class-validator';
import { APPRAISAL_CATEGORY_CODES } from '../../entrustments/appraisal-categories';
import { EntrustingPartyDto } from '../../entrustments/dto/entrustment-create.dto';
import { COMPLEXITIES } from '../../entrustments/entrustment-rules';
import type { Complexity } from '../../entrustments/entrustment-rules';

/**
 * Accepting an offer registers the work order's request as an entrustment: staff read the request and
 * name who entrusts, the category and the kind of entrustment. The acceptance decision (art. 13) follows.
 */
export class AppraisalAcceptDto {
  @ApiProperty({ description: 'The entrusting party', type: EntrustingPartyDto })
  @ValidateNested()
  @Type(() => EntrustingPartyDto)
  party!: EntrustingPartyDto;

  @ApiProperty({ description: 'Appraisal category', enum: APPRAISAL_CATEGORY_CODES, example: 'forensic-medicine' })
  @IsIn(APPRAISAL_CATEGORY_CODES)
  category!: string;

  @ApiPropertyOptional({ description: 'Entrusted by letter (函件委托)', example: false, default: false })
  @IsOptional()
  @IsBoolean()
  byLetter?: boolean;

  @ApiPropertyOptional({
    description: 'ordinary, or complex with an agreed acceptance period',
    enum: COMPLEXITIES,
    default: 'ordinary',
  })
  @IsOptional()
  @IsIn(COMPLEXITIES)
  complexity?: Complexity;

  @ApiPropertyOptional({ description: 'Complex matters: the acceptance period agreed, in working days', example: 15 })
  @IsOptional()
  @IsInt()
  agreedAcceptanceWorkingDays?: number;
}
