import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

export class PagedLocaleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Language of the plain-language status (default: Accept-Language, else zh)',
    enum: ['zh', 'en'],
    example: 'zh',
  })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}
