import { ApiProperty } from '@nestjs/swagger';
import type { Lawyer } from '../entities/lawyer.entity';

export class LawyerResponseDto {
  @ApiProperty({ description: 'Roster id', example: '5c1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ description: 'Name', example: '李明' })
  name!: string;

  @ApiProperty({ description: 'Law firm', example: '山东兰陵律师事务所' })
  lawFirm!: string;

  @ApiProperty({ description: 'Expertise tags', example: ['labour'], type: [String] })
  expertiseTags!: string[];

  @ApiProperty({ description: 'Area', example: '371324' })
  regionCode!: string;

  @ApiProperty({ description: 'Cases at once', example: 5 })
  capacity!: number;

  @ApiProperty({ description: 'Open appointments', example: 2 })
  currentLoad!: number;

  @ApiProperty({ description: 'Available for appointments', example: true })
  active!: boolean;

  static of(l: Lawyer): LawyerResponseDto {
    return {
      id: l.id,
      name: l.name,
      lawFirm: l.lawFirm,
      expertiseTags: l.expertiseTags,
      regionCode: l.regionCode,
      capacity: l.capacity,
      currentLoad: l.currentLoad,
      active: l.active,
    };
  }
}

export class LawyerPageDto {
  @ApiProperty({ description: 'This page', type: [LawyerResponseDto] })
  items!: LawyerResponseDto[];

  @ApiProperty({ description: 'Matching lawyers', example: 12 })
  total!: number;

  @ApiProperty({ description: 'Page number', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  pageSize!: number;
}
