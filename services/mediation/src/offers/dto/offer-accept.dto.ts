import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DISPUTE_CATEGORIES, DisputeCategory } from '../../classification/entities/dispute-keyword.entity';

/** What staff may decide when accepting a mediation offer. */
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
