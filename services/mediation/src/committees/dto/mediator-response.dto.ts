import { ApiProperty } from '@nestjs/swagger';
import { DISPUTE_CATEGORIES } from '../../classification/entities/dispute-keyword.entity';

export class MediatorResponseDto {
  @ApiProperty({ description: 'Mediator id', example: '73101c82-196c-4954-8d62-8fb6510bf202' })
  id!: string;

  @ApiProperty({ description: 'Committee id', example: 'b17cb703-0867-41bd-95d0-0a276fad39c9' })
  committeeId!: string;

  @ApiProperty({ description: 'Name', example: '王秀英' })
  name!: string;

  @ApiProperty({
    description: 'Specialties',
    enum: DISPUTE_CATEGORIES,
    isArray: true,
    example: ['family', 'neighbour'],
  })
  specialties!: string[];

  @ApiProperty({ description: 'Open cases at full load', example: 6 })
  maxOpenCases!: number;

  @ApiProperty({ description: 'Cases currently open with this mediator', example: 2 })
  openCases!: number;

  @ApiProperty({ description: 'Whether the mediator takes new cases', example: true })
  active!: boolean;
}

export class MediatorListResponseDto {
  @ApiProperty({ description: 'Mediators of the committee', type: [MediatorResponseDto] })
  items!: MediatorResponseDto[];

  @ApiProperty({ description: 'Number of mediators', example: 2 })
  total!: number;
}
