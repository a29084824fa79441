import { ApiProperty } from '@nestjs/swagger';
import { OFFER_REJECTION_REASONS } from '@legal/contracts';
import { IsIn, IsString, Length } from 'class-validator';

export class OfferRejectDto {
  @ApiProperty({ description: 'Coded reason the router acts on', enum: OFFER_REJECTION_REASONS, example: 'no-capacity' })
  @IsIn(OFFER_REJECTION_REASONS)
  reasonCode!: (typeof OFFER_REJECTION_REASONS)[number];

  @ApiProperty({ description: 'Explanation for the record', example: '本处本周受理已满，请转其他公证处' })
  @IsString()
  @Length(2, 1000)
  reason!: string;
}
