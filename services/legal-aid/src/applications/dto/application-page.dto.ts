import { ApiProperty } from '@nestjs/swagger';
import { ApplicationResponseDto } from './application-response.dto';

export class ApplicationPageDto {
  @ApiProperty({ description: 'This page of applications', type: [ApplicationResponseDto] })
  items!: ApplicationResponseDto[];

  @ApiProperty({ description: 'Applications matching the filter', example: 42 })
  total!: number;

  @ApiProperty({ description: 'Page number', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  pageSize!: number;
}
