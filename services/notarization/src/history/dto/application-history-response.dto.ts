import { ApiProperty } from '@nestjs/swagger';

export class ApplicationHistoryEntryResponseDto {
  @ApiProperty({ description: 'What happened', example: 'materials-complete' })
  step!: string;

  @ApiProperty({ description: 'Who did it (staff subject or system)', example: 'user-1a2b3c4d' })
  actorId!: string;

  @ApiProperty({ description: 'Details', example: 'Materials received: kinship-proof' })
  detail!: string;

  @ApiProperty({ description: 'When', example: '2026-11-29T02:00:00.000Z' })
  at!: string;
}

export class ApplicationHistoryResponseDto {
  @ApiProperty({
    description: 'Every step of the application, oldest first',
    type: [ApplicationHistoryEntryResponseDto],
  })
  items!: ApplicationHistoryEntryResponseDto[];

  @ApiProperty({ description: 'Number of steps', example: 5 })
  total!: number;
}
