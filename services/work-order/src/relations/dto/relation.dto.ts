import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RelationDecisionDto {
  @ApiProperty({
    description: 'Why (goes on the timeline)',
    example: '同一纠纷，两次来电',
    required: false,
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RelationDto {
  @ApiProperty({ description: 'Relation id', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })
  id!: string;
  @ApiProperty({ description: 'This work order', example: '371324-20251128-000002-K' })
  caseCode!: string;
  @ApiProperty({ description: 'The possibly related work order', example: '371324-20251128-000001-7' })
  relatedCaseCode!: string;
  @ApiProperty({
    description:
      'same-phone-different-type, same-id-card-different-type, same-phone-other-matter / same-id-card-other-matter (same service type but not the same matter: another county or description, or conflicting ID numbers), or similar-name-same-region',
    example: 'same-phone-different-type',
  })
  reason!: string;
  @ApiProperty({ description: 'How alike (0..1)', example: 0.7 })
  score!: number;
  @ApiProperty({ description: 'pending, confirmed or dismissed', example: 'pending' })
  status!: string;
  @ApiProperty({ type: String, description: 'Who decided', example: 'clerk-9', nullable: true })
  decidedBy!: string | null;
  @ApiProperty({ description: 'When found', example: '2025-11-28T02:15:00.000Z' })
  createdAt!: string;
}

export class RelationListDto {
  @ApiProperty({ description: 'Relations of the work order (both directions)', type: RelationDto, isArray: true })
  items!: RelationDto[];
  @ApiProperty({ description: 'How many', example: 1 })
  total!: number;
}
