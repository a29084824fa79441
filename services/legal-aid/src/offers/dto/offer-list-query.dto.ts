import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../pagination/page-query.dto';
import { OFFER_STATUSES, OfferStatus } from '@legal/handler-kit';

export class OfferListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only offers in this status', enum: OFFER_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(OFFER_STATUSES)
  status?: OfferStatus;
}
