import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class LawyerCreateDto {
  @ApiProperty({ description: 'Lawyer name', example: '李明', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ description: 'Law firm', example: '山东兰陵律师事务所', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  lawFirm!: string;

  @ApiProperty({
    description: 'Expertise tags (e.g. labour, criminal-defence, family, juvenile, traffic-accident)',
    example: ['labour', 'work-injury'],
    type: [String],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9-]{2,48}$/, {
    each: true,
    message: 'each expertise tag is lower-case letters, digits and dashes (2-48)',
  })
  expertiseTags!: string[];

  @ApiProperty({ description: 'County (or city) where the lawyer practises', example: '371324' })
  @IsRegionCode({ levels: ['city', 'county'] })
  regionCode!: string;

  @ApiProperty({ description: 'Legal-aid cases the lawyer takes at once', example: 5, minimum: 1, maximum: 200 })
  @IsInt()
  @Min(1)
  @Max(200)
  capacity!: number;

  @ApiPropertyOptional({ description: 'Available for appointments', example: true, default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
