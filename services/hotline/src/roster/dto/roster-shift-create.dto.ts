import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  Matches,
} from 'class-validator';

export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/;

/** A shift on the duty roster: one seat, one agent, one period. */
export class RosterShiftCreateDto {
  @ApiProperty({ description: 'Seat (console position) id', example: 'seat-07' })
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'seat must be 1-32 letters, digits or dashes' })
  seat!: string;

  @ApiProperty({ description: 'Staff id of the agent on this seat', example: 'agent-17' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'agentId must be 1-64 letters, digits, dots, dashes or underscores' })
  agentId!: string;

  @ApiProperty({ description: 'Start of the shift (RFC 3339, inclusive)', example: '2026-12-01T08:00:00+08:00' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({
    description: 'End of the shift (RFC 3339, exclusive); at most 24 hours after the start',
    example: '2026-12-01T16:00:00+08:00',
  })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiProperty({ description: 'BCP 47 languages the agent answers in', example: ['zh', 'en'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(LANGUAGE_TAG, { each: true, message: 'each language must be a BCP 47 tag such as zh, zh-yue or en' })
  languages!: string[];

  @ApiPropertyOptional({ description: 'Expert seat (专家坐席)', example: false, default: false })
  @IsOptional()
  @IsBoolean()
  expertSeat?: boolean;

  @ApiPropertyOptional({
    description: 'Service types the seat is competent for',
    example: ['legal-aid', 'mediation'],
    enum: SERVICE_TYPES,
    isArray: true,
  })
  @IsOptional()
  @ArrayMaxSize(SERVICE_TYPES.length)
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  expertise?: ServiceType[];
}
