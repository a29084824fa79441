import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES } from '@legal/contracts';
import { IsRegionCode } from '@legal/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsISO8601,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { AttachmentDto } from './attachment.dto';
import { ContactDto } from './contact.dto';

/** Service types a citizen may ask for on the portal (complaints have their own endpoint; notified defence comes from courts). */
export const PORTAL_SERVICE_TYPES = SERVICE_TYPES.filter((t) => t !== 'complaint' && t !== 'notified-defence');

export class SubmissionCreateDto {
  @ApiPropertyOptional({
    description: 'What is asked for; leave out when unsure and it is inferred from the description',
    enum: PORTAL_SERVICE_TYPES,
    example: 'legal-aid',
  })
  @IsOptional()
  @IsIn(PORTAL_SERVICE_TYPES)
  serviceType?: (typeof PORTAL_SERVICE_TYPES)[number];

  @ApiProperty({
    description: 'GB/T 2260 code of the place the matter concerns (county, township or village in Shandong)',
    example: '371324101',
  })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({
    description: 'The matter in the citizen’s words',
    example: '在工地干了半年活，老板拖欠工资三万元不给',
    minLength: 1,
    maxLength: 5000,
  })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiProperty({ description: 'How to reach the citizen', type: ContactDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @ApiPropertyOptional({ description: 'Attachment metadata (at most 20)', type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ description: 'Preferred language (BCP 47)', example: 'zh', default: 'zh' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, { message: 'language must be a BCP 47 tag such as zh, zh-yue or ug' })
  language?: string;

  @ApiPropertyOptional({ description: 'Urgency', enum: ['normal', 'urgent'], example: 'normal', default: 'normal' })
  @IsOptional()
  @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @ApiPropertyOptional({
    description: 'Minor, elderly, disabled, migrant worker ... (speeds up legal aid)',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  vulnerableGroup?: boolean;

  @ApiPropertyOptional({
    description: 'A limitation period or court date that is about to expire (RFC 3339)',
    example: '2026-12-10T00:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  legalDeadlineAt?: string;
}
