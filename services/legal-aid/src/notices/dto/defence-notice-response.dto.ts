import { ApiProperty } from '@nestjs/swagger';

export class DefenceNoticeResponseDto {
  @ApiProperty({ description: 'Notice id', example: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b' })
  noticeId!: string;

  @ApiProperty({ description: 'Application opened for it', example: '0b8f3c5e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  applicationId!: string;

  @ApiProperty({ description: 'Legal-aid case number', example: 'LA-2026-000124' })
  caseNumber!: string;

  @ApiProperty({ description: 'Application state', example: 'granted' })
  state!: string;

  @ApiProperty({ description: 'Lawyer appointment due by', example: '2026-12-01T15:59:59.999Z' })
  appointmentDueAt!: string;

  @ApiProperty({
    description: 'false when the notice had been recorded before (nothing new was written)',
    example: true,
  })
  created!: boolean;
}
