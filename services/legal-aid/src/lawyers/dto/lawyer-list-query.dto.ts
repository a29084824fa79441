import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../pagination/page-query.dto';

export class LawyerListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Lawyers whose area starts with this code prefix (e.g. 3713 for Linyi)',
    example: '3713',
  })
  @IsOptional()
  @Matches(/^37\d{0,4}$/, { message: 'regionPrefix must be 2-6 digits starting with 37' })
  regionPrefix?: string;

  @ApiPropertyOptional({ description: 'Only active (true) or inactive (false) lawyers', example: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
