import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES } from '@legal/contracts';
import { IsChinesePhone, IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export const CONSENT_METHODS = ['recorded-call', 'written', 'online'] as const;

/** The caller's consent to hand the matter and their contact details to 12348 (个人信息保护法 第二十三条). */
export class TransferConsentDto {
  @ApiProperty({ description: 'Must be true: without the caller’s consent nothing is transferred', example: true })
  @IsBoolean()
  given!: boolean;

  @ApiProperty({ description: 'When the caller consented (RFC 3339)', example: '2026-12-04T20:10:00+08:00' })
  @IsISO8601({ strict: true })
  obtainedAt!: string;

  @ApiProperty({ description: 'How the consent was obtained', enum: CONSENT_METHODS, example: 'recorded-call' })
  @IsIn(CONSENT_METHODS)
  method!: string;
}

/** The matter as 12345 took it. */
export class TransferMatterDto {
  @ApiProperty({
    description: 'The matter in the caller’s words',
    example: '在工地干了半年活，老板拖欠工资三万元不给',
    minLength: 1,
    maxLength: 5000,
  })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiProperty({ description: 'GB/T 2260 code of where the matter lies (Shandong)', example: '371324' })
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({
    description: 'Service type if 12345 knows it; else classified by 12348',
    enum: SERVICE_TYPES,
    example: 'legal-aid',
  })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  serviceType?: string;

  @ApiPropertyOptional({ description: 'normal or urgent', enum: ['normal', 'urgent'], example: 'normal' })
  @IsOptional()
  @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @ApiPropertyOptional({ description: 'Minor, elderly, disabled, migrant worker ...', example: true })
  @IsOptional()
  @IsBoolean()
  vulnerableGroup?: boolean;

  @ApiPropertyOptional({ description: 'BCP 47 language of the caller', example: 'zh' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/)
  language?: string;

  @ApiPropertyOptional({ description: 'Caller’s name', example: '张三', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  callerName?: string;

  @ApiPropertyOptional({ description: 'Caller’s phone (sealed on the broker, never logged)', example: '13812345678' })
  @IsOptional()
  @IsChinesePhone()
  callerPhone?: string;
}

/** POST /partner/transfers: a 12345 matter handed to 12348. */
export class PartnerTransferCreateDto {
  @ApiProperty({
    description: '12345’s own reference of the matter: repeating it acknowledges the same transfer again',
    example: '12345-20261204-000123',
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
    message: 'reference must be 1-64 letters, digits, dots, colons, dashes or underscores',
  })
  reference!: string;

  @ApiPropertyOptional({
    description: 'The caller’s consent (required: refused with 422 consent-required without it)',
    type: TransferConsentDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TransferConsentDto)
  consent?: TransferConsentDto;

  @ApiProperty({ description: 'The matter', type: TransferMatterDto })
  @ValidateNested()
  @Type(() => TransferMatterDto)
  matter!: TransferMatterDto;
}
