import { ApiProperty } from '@nestjs/swagger';
import { DISPUTE_CATEGORIES } from '../entities/dispute-keyword.entity';

export class DisputeKeywordResponseDto {
  @ApiProperty({ description: 'Keyword id', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' })
  id!: string;

  @ApiProperty({ description: 'Dispute category', enum: DISPUTE_CATEGORIES, example: 'labour' })
  category!: string;

  @ApiProperty({ description: 'Word or phrase looked for', example: '讨薪' })
  keyword!: string;

  @ApiProperty({ description: 'Score a match adds', example: 3 })
  weight!: number;
}

export class DisputeKeywordListResponseDto {
  @ApiProperty({ description: 'The keyword table', type: [DisputeKeywordResponseDto] })
  items!: DisputeKeywordResponseDto[];

  @ApiProperty({ description: 'Number of keywords', example: 56 })
  total!: number;
}
