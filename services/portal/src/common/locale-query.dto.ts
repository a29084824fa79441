import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class LocaleQueryDto {
  @ApiPropertyOptional({
    description: 'Language of the plain-language status (default: Accept-Language, else zh)',
    enum: ['zh', 'en'],
    example: 'zh',
  })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}
