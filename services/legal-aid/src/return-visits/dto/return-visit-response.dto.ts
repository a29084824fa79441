import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonViewDto } from '../../personal-data/person-view.dto';
import { RETURN_VISIT_STATUSES } from '../entities/return-visit.entity';

export class ReturnVisitResponseDto {
  @ApiProperty({ description: 'Return visit id', example: '7d1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ description: 'Application', example: '0b8f3c5e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  applicationId!: string;

  @ApiProperty({ description: 'Case number', example: 'LA-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ description: 'How the case closed', example: 'judgment' })
  closureOutcome!: string;

  @ApiProperty({ description: 'Who to call (phone shown in full to legal-aid officers)', type: PersonViewDto })
  aidedPerson!: PersonViewDto;

  @ApiProperty({ description: 'Due by', example: '2027-03-03T15:59:59.999Z' })
  dueAt!: string;

  @ApiProperty({ description: 'Status', enum: RETURN_VISIT_STATUSES, example: 'open' })
  status!: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Reached the person', example: true, nullable: true })
  reached!: boolean | null;

  @ApiPropertyOptional({ type: Number, description: 'Satisfaction 1-5', example: 5, nullable: true })
  satisfaction!: number | null;

  @ApiPropertyOptional({ type: String, description: 'Notes', example: '对律师服务满意', nullable: true })
  notes!: string | null;

  @ApiPropertyOptional({
    type: String,
    description: 'When completed',
    example: '2027-02-10T02:00:00.000Z',
    nullable: true,
  })
  completedAt!: string | null;
}

export class ReturnVisitPageDto {
  @ApiProperty({ description: 'This page', type: [ReturnVisitResponseDto] })
  items!: ReturnVisitResponseDto[];

  @ApiProperty({ description: 'Matching visits', example: 3 })
  total!: number;

  @ApiProperty({ description: 'Page number', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  pageSize!: number;
}
