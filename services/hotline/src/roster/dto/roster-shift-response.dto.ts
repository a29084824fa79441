import { ApiProperty } from '@nestjs/swagger';
import type { RosterShift } from '../entities/roster-shift.entity';

export class RosterShiftResponseDto {
  @ApiProperty({ description: 'Shift id', example: '3f0c6d1e-8a4b-4c2d-9e1f-2a3b4c5d6e7f' })
  id!: string;

  @ApiProperty({ description: 'Seat id', example: 'seat-07' })
  seat!: string;

  @ApiProperty({ description: 'Agent on the seat', example: 'agent-17' })
  agentId!: string;

  @ApiProperty({ description: 'Start (inclusive)', example: '2026-12-01T00:00:00.000Z' })
  startsAt!: string;

  @ApiProperty({ description: 'End (exclusive)', example: '2026-12-01T08:00:00.000Z' })
  endsAt!: string;

  @ApiProperty({ description: 'Languages answered', example: ['zh'] })
  languages!: string[];

  @ApiProperty({ description: 'Expert seat (专家坐席)', example: false })
  expertSeat!: boolean;

  @ApiProperty({ description: 'Service types the seat is competent for', example: ['legal-aid'] })
  expertise!: string[];

  @ApiProperty({ description: 'Last change', example: '2026-11-28T02:15:00.000Z' })
  updatedAt!: string;

  static from(shift: RosterShift): RosterShiftResponseDto {
    return {
      id: shift.id,
      seat: shift.seat,
      agentId: shift.agentId,
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      languages: shift.languages,
      expertSeat: shift.expertSeat,
      expertise: shift.expertise,
      updatedAt: shift.updatedAt.toISOString(),
    };
  }
}

export class RosterShiftPageDto {
  @ApiProperty({ type: [RosterShiftResponseDto], description: 'Shifts on this page, earliest first' })
  items!: RosterShiftResponseDto[];

  @ApiProperty({ description: 'Shifts matching the filter', example: 42 })
  total!: number;

  @ApiProperty({ description: 'Page size', example: 50 })
  limit!: number;

  @ApiProperty({ description: 'Items skipped', example: 0 })
  offset!: number;
}
