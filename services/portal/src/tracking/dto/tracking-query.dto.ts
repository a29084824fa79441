import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** The access code travels in the `X-Access-Code` header, never in the URL (URLs end up in logs, histories and problem bodies). */
export class TrackingQueryDto {
  @ApiPropertyOptional({
    description: 'Language of the plain-language status (default: Accept-Language, else zh)',
    enum: ['zh', 'en'],
    example: 'zh',
  })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}
