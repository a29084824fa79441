import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonViewDto } from '../../personal-data/person-view.dto';

export class DutyLawyerServiceResponseDto {
  @ApiProperty({ description: 'Record id', example: '8e1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ description: 'Area', example: '371302' })
  regionCode!: string;

  @ApiProperty({ description: 'Kind of place', example: 'detention-centre' })
  locationType!: string;

  @ApiProperty({ description: 'Place', example: '临沂市兰山区看守所' })
  locationName!: string;

  @ApiPropertyOptional({ description: 'Roster lawyer', example: null, nullable: true })
  lawyerId!: string | null;

  @ApiProperty({ description: 'Duty lawyer', example: '赵律师' })
  lawyerName!: string;

  @ApiProperty({ description: 'Person helped (masked)', type: PersonViewDto })
  person!: PersonViewDto;

  @ApiProperty({ description: 'Help given', example: ['legal-consultation'], type: [String] })
  services!: string[];

  @ApiPropertyOptional({ type: String, description: 'Charge', example: '危险驾驶罪', nullable: true })
  charge!: string | null;

  @ApiProperty({ description: 'Summary', example: '解释认罪认罚从宽制度' })
  summary!: string;

  @ApiProperty({ description: 'When', example: '2026-11-28T03:00:00.000Z' })
  servedAt!: string;

  @ApiProperty({ description: 'Recorded by', example: 'officer-7' })
  recordedBy!: string;
}

export class DutyLawyerServicePageDto {
  @ApiProperty({ description: 'This page', type: [DutyLawyerServiceResponseDto] })
  items!: DutyLawyerServiceResponseDto[];

  @ApiProperty({ description: 'Matching records', example: 8 })
  total!: number;

  @ApiProperty({ description: 'Page number', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  pageSize!: number;
}
