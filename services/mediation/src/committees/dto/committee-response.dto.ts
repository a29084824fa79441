import { ApiProperty } from '@nestjs/swagger';
import { COMMITTEE_LEVELS } from '../entities/committee.entity';

export class CommitteeResponseDto {
  @ApiProperty({ description: 'Committee id', example: 'b17cb703-0867-41bd-95d0-0a276fad39c9' })
  id!: string;

  @ApiProperty({ description: 'Division the committee serves', example: '371324101201' })
  regionCode!: string;

  @ApiProperty({ description: 'Level of that division', enum: COMMITTEE_LEVELS, example: 'village' })
  level!: string;

  @ApiProperty({ description: 'Name', example: '兰陵县大仲村镇大仲村人民调解委员会' })
  name!: string;

  @ApiProperty({ description: 'Whether it takes new cases', example: true })
  active!: boolean;
}

export class CommitteePageResponseDto {
  @ApiProperty({ description: 'Committees on this page', type: [CommitteeResponseDto] })
  items!: CommitteeResponseDto[];

  @ApiProperty({ description: 'Committees matching the query', example: 6 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
