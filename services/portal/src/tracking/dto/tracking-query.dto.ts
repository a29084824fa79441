import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class TrackingQueryDto {
  @ApiPropertyOptional({ description: 'Last four digits of the phone number given with the request (not needed when signed in as its citizen)', example: '5678' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'phoneLast4 must be exactly four digits' })
  phoneLast4?: string;

  @ApiPropertyOptional({ description: 'Language of the plain-language status (default: Accept-Language, else zh)', enum: ['zh', 'en'], example: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}
