import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsRegionCode } from '@legal/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

export class LawyerUpdateDto {
  @ApiPropertyOptional({ description: 'Lawyer name', example: '李明' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'Law firm', example: '山东兰陵律师事务所' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  lawFirm?: string;

  @ApiPropertyOptional({ description: 'Expertise tags', example: ['labour'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9-]{2,48}$/, {
    each: true,
    message: 'each expertise tag is lower-case letters, digits and dashes (2-48)',
  })
  expertiseTags?: string[];

  @ApiPropertyOptional({ description: 'County (or city) where the lawyer practises', example: '371324' })
  @IsOptional()
  @IsRegionCode({ levels: ['city', 'county'] })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Cases at once (not below the current load)', example: 6 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  capacity?: number;

  @ApiPropertyOptional({ description: 'Available for appointments', example: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
