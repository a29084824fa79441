import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsChineseIdCard, IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export const NOTICE_AGENCIES = ['court', 'procuratorate', 'police'] as const;
export const NOTICE_STAGES = ['investigation', 'prosecution', 'trial'] as const;

export class NoticeSuspectDto {
  @ApiProperty({ description: 'Name of the suspect or defendant', example: '李四', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    description: 'Citizen ID number (stored hashed and encrypted, never shown in full)',
    example: '371302199001011234',
  })
  @IsOptional()
  @IsChineseIdCard()
  idCardNumber?: string;

  @ApiPropertyOptional({ description: 'A minor', example: false })
  @IsOptional()
  @IsBoolean()
  minor?: boolean;

  @ApiPropertyOptional({ description: 'Has a disability', example: false })
  @IsOptional()
  @IsBoolean()
  disability?: boolean;
}

/** The same fields as the legal.partner.defence-notice.v1 event. */
export class DefenceNoticeCreateDto {
  @ApiProperty({
    description: "The partner's notice id (idempotency key: sending it again returns the same application)",
    example: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b',
  })
  @IsUUID()
  noticeId!: string;

  @ApiProperty({ description: 'Notifying agency', enum: NOTICE_AGENCIES, example: 'court' })
  @IsIn(NOTICE_AGENCIES)
  agency!: (typeof NOTICE_AGENCIES)[number];

  @ApiProperty({ description: 'Agency name', example: '临沂市兰山区人民法院', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  agencyName!: string;

  @ApiProperty({ description: "Agency's case number", example: '(2026)鲁1302刑初123号', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  agencyCaseNumber!: string;

  @ApiPropertyOptional({
    description:
      "The notifying agency's organisation id; defaults to the partner client's own. Another agency's is refused (403 naming organisationId)",
    example: 'org-371302-court',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
    message: 'organisationId must be 1-64 letters, digits, dots, colons, dashes or underscores',
  })
  organisationId?: string;

  @ApiProperty({
    description:
      "Agency's area (Shandong division code): must lie in the partner client's area, else 403 naming regionCode",
    example: '371302',
  })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ description: 'The person who needs a defender', type: NoticeSuspectDto })
  @ValidateNested()
  @Type(() => NoticeSuspectDto)
  suspect!: NoticeSuspectDto;

  @ApiProperty({ description: 'Charge', example: '盗窃罪', minLength: 1, maxLength: 300 })
  @IsString()
  @Length(1, 300)
  charge!: string;

  @ApiProperty({ description: 'Procedural stage', enum: NOTICE_STAGES, example: 'trial' })
  @IsIn(NOTICE_STAGES)
  stage!: (typeof NOTICE_STAGES)[number];

  @ApiProperty({
    description: 'When the notice was issued/received (the 3-day clock starts here)',
    example: '2026-11-28T01:00:00.000Z',
  })
  @IsISO8601({ strict: true })
  noticeReceivedAt!: string;

  @ApiPropertyOptional({ description: 'Hearing date, if set', example: '2026-12-10T01:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  hearingAt?: string;
}
