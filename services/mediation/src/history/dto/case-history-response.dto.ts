import { ApiProperty } from '@nestjs/swagger';

export class CaseHistoryEntryResponseDto {
  @ApiProperty({ description: 'What happened', example: 'session-scheduled' })
  step!: string;

  @ApiProperty({ description: 'Who did it (staff subject or system)', example: 'user-1a2b3c4d' })
  actorId!: string;

  @ApiProperty({ description: 'Details', example: 'Session 1 on 2026-12-03 09:30 at 大仲村村委会调解室' })
  detail!: string;

  @ApiProperty({ description: 'When', example: '2026-11-29T02:00:00.000Z' })
  at!: string;
}

export class CaseHistoryResponseDto {
  @ApiProperty({ description: 'Every step of the case, oldest first', type: [CaseHistoryEntryResponseDto] })
  items!: CaseHistoryEntryResponseDto[];

  @ApiProperty({ description: 'Number of steps', example: 5 })
  total!: number;
}
