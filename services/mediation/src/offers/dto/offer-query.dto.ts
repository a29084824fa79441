import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { OFFER_STATUSES, OfferStatus } from '@legal/handler-offers';

export class OfferQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only offers in this state', enum: OFFER_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(OFFER_STATUSES)
  status?: OfferStatus;
}
