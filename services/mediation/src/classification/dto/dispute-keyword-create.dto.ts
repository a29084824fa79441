import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { DISPUTE_CATEGORIES, DisputeCategory } from '../entities/dispute-keyword.entity';

export class DisputeKeywordCreateDto {
  @ApiProperty({ description: 'Dispute category the keyword points to', enum: DISPUTE_CATEGORIES, example: 'labour' })
  @IsIn(DISPUTE_CATEGORIES)
  category!: DisputeCategory;

  @ApiProperty({ description: 'Word or phrase looked for in the request description', example: '讨薪' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 50)
  keyword!: string;

  @ApiProperty({ description: 'Score a match adds to the category (1-10)', example: 3 })
  @IsInt()
  @Min(1)
  @Max(10)
  weight!: number;
}
