import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { APPRAISAL_CATEGORY_CODES } from '../appraisal-categories';
import { COMPLEXITIES, ENTRUSTING_PARTY_KINDS } from '../entrustment-rules';
import type { Complexity, EntrustingPartyKind } from '../entrustment-rules';

export class EntrustingPartyDto {
  @ApiProperty({
    description: 'Who entrusts: a court, a party, or a legal-aid case',
    enum: ENTRUSTING_PARTY_KINDS,
    example: 'court',
  })
  @IsIn(ENTRUSTING_PARTY_KINDS)
  kind!: EntrustingPartyKind;

  @ApiProperty({
    description: "The court's or legal-aid centre's name, or the party's name",
    example: '兰陵县人民法院',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Court entrustments: the case number (案号)', example: '(2026)鲁1324民初123号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  courtCaseNumber?: string;

  @ApiPropertyOptional({
    description: 'Legal-aid entrustments: the legal-aid case code',
    example: '371324-20261120-00042-7',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  legalAidCaseCode?: string;
}

/** An entrustment received at the institution (in person or by letter). */
export class EntrustmentCreateDto {
  @ApiProperty({ description: 'The receiving institution (licence code)', example: '371300001' })
  @Matches(/^\d{9}$/)
  institutionCode!: string;

  @ApiProperty({ description: 'The entrusting party', type: EntrustingPartyDto })
  @ValidateNested()
  @Type(() => EntrustingPartyDto)
  party!: EntrustingPartyDto;

  @ApiProperty({ description: 'Appraisal category', enum: APPRAISAL_CATEGORY_CODES, example: 'forensic-medicine' })
  @IsIn(APPRAISAL_CATEGORY_CODES)
  category!: string;

  @ApiProperty({ description: 'What is to be appraised (鉴定事项)', example: '对原告伤残等级进行鉴定' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  matter!: string;

  @ApiProperty({
    description: 'Entrusted by letter (函件委托): 10 working days to decide instead of 7',
    example: false,
  })
  @IsBoolean()
  byLetter!: boolean;

  @ApiProperty({
    description: 'ordinary, or complex (复杂/疑难) with an agreed acceptance period',
    enum: COMPLEXITIES,
    example: 'ordinary',
  })
  @IsIn(COMPLEXITIES)
  complexity!: Complexity;

  @ApiPropertyOptional({ description: 'Complex matters: the acceptance period agreed, in working days', example: 15 })
  @IsOptional()
  @IsInt()
  agreedAcceptanceWorkingDays?: number;

  @ApiPropertyOptional({
    description: 'When the entrustment was received (default: now; not in the future)',
    example: '2026-11-02T02:00:00.000Z',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  receivedAt?: string;
}
