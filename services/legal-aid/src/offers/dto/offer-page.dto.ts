import { ApiProperty } from '@nestjs/swagger';
import { OfferResponseDto } from './offer-response.dto';

export class OfferPageDto {
  @ApiProperty({ description: 'This page of offers', type: [OfferResponseDto] })
  items!: OfferResponseDto[];

  @ApiProperty({ description: 'Offers matching the filter', example: 42 })
  total!: number;

  @ApiProperty({ description: 'Page number', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  pageSize!: number;
}
