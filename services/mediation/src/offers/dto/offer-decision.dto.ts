import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OFFER_REJECTION_REASONS } from '@legal/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DISPUTE_CATEGORIES, DisputeCategory } from '../../classification/entities/dispute-keyword.entity';

export class OfferAcceptDto {
  @ApiPropertyOptional({
    description: 'Dispute category decided by staff; without it the description is classified with the keyword table',
    enum: DISPUTE_CATEGORIES,
    example: 'neighbour',
  })
  @IsOptional()
  @IsIn(DISPUTE_CATEGORIES)
  disputeCategory?: DisputeCategory;
}

export class OfferRejectDto {
  @ApiProperty({ description: 'Coded reason the router acts on', enum: OFFER_REJECTION_REASONS, example: 'out-of-jurisdiction' })
  @IsIn(OFFER_REJECTION_REASONS)
  reasonCode!: (typeof OFFER_REJECTION_REASONS)[number];

  @ApiProperty({ description: 'Explanation for the record', example: '纠纷发生地不在本委员会辖区' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}
