import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /work-orders/{code}/classify: a person decides the service type of a triaged request. */
export class ClassifyDto {
  @ApiProperty({ description: 'Service type', enum: SERVICE_TYPES, example: 'mediation' })
  @IsIn(SERVICE_TYPES)
  serviceType!: ServiceType;

  @ApiProperty({
    description: 'Why (goes on the timeline)',
    example: '邻里纠纷，适合人民调解',
    required: false,
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class TriageItemDto {
  @ApiProperty({ description: 'Case code', example: '371324-20251128-000002-K' })
  caseCode!: string;
  @ApiProperty({ description: "Requester's division", example: '371324101' })
  regionCode!: string;
  @ApiProperty({ description: 'What the citizen asked', example: '家里有个纠纷' })
  description!: string;
  @ApiProperty({
    type: [Object],
    description: 'Classifier best guesses, highest first',
    example: [{ serviceType: 'mediation', score: 2 }],
  })
  ranking!: { serviceType: string; score: number }[];
  @ApiProperty({ description: 'Classifier confidence', example: 0.5 })
  confidence!: number;
  @ApiProperty({ description: 'Received at', example: '2025-11-28T02:15:00.000Z' })
  receivedAt!: string;
  @ApiProperty({ description: 'Platform', example: 'portal' })
  originPlatform!: string;
}

export class TriagePageDto {
  @ApiProperty({ description: 'Triage queue, oldest first', type: TriageItemDto, isArray: true })
  items!: TriageItemDto[];
  @ApiProperty({ description: 'Items in the queue', example: 3 })
  total!: number;
  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;
  @ApiProperty({ description: 'Offset', example: 0 })
  offset!: number;
}
