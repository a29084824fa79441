import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTY_ROLES, SESSION_STATUSES } from '../entities/mediation-session.entity';

export class SessionPartyResponseDto {
  @ApiProperty({ description: 'Name of the party', example: '张三' })
  name!: string;

  @ApiProperty({ description: 'Role in the dispute', enum: PARTY_ROLES, example: 'applicant' })
  role!: string;
}

export class SessionResponseDto {
  @ApiProperty({ description: 'Session id', example: '5f0c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ description: '1 for the first session of the case, 2 for the next ...', example: 1 })
  sequence!: number;

  @ApiProperty({ description: 'When the session is scheduled', example: '2026-12-03T01:30:00.000Z' })
  scheduledAt!: string;

  @ApiProperty({ description: 'Where it takes place', example: '大仲村村委会调解室' })
  place!: string;

  @ApiProperty({ description: 'Parties invited', type: [SessionPartyResponseDto] })
  parties!: SessionPartyResponseDto[];

  @ApiProperty({ description: 'scheduled, held or cancelled', enum: SESSION_STATUSES, example: 'scheduled' })
  status!: string;

  @ApiPropertyOptional({ description: 'When it was held', example: '2026-12-03T01:40:00.000Z' })
  heldAt?: string;

  @ApiPropertyOptional({ description: 'Parties who attended', type: [SessionPartyResponseDto] })
  attendees?: SessionPartyResponseDto[];

  @ApiPropertyOptional({ description: 'Minutes of the session', example: '双方就还款期限达成初步一致' })
  minutes?: string;
}
