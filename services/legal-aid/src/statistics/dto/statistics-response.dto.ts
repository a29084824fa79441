import { ApiProperty } from '@nestjs/swagger';

export class DutyLawyerStatisticsDto {
  @ApiProperty({ description: 'Duty-lawyer help recorded', example: 12 })
  total!: number;

  @ApiProperty({
    description: 'By kind of place',
    example: { court: 5, procuratorate: 1, 'detention-centre': 6, 'police-station': 0 },
  })
  byLocationType!: Record<string, number>;
}

export class ReturnVisitStatisticsDto {
  @ApiProperty({ description: 'Open visits', example: 3 })
  open!: number;

  @ApiProperty({ description: 'Open and past due', example: 1 })
  overdue!: number;

  @ApiProperty({ description: 'Completed', example: 20 })
  completed!: number;
}

export class StatisticsResponseDto {
  @ApiProperty({
    description: 'Applications per workflow state',
    example: { received: 4, reviewed: 1, granted: 2, appointed: 7, denied: 1, closed: 9 },
  })
  applicationsByState!: Record<string, number>;

  @ApiProperty({ description: 'Applications per kind', example: { 'work-order': 20, 'notified-defence': 4 } })
  applicationsByKind!: Record<string, number>;

  @ApiProperty({ description: 'Decision clocks past due without a decision', example: 1 })
  decisionsOverdue!: number;

  @ApiProperty({ description: 'Decisions made after the 7-day clock', example: 0 })
  decisionsLate!: number;

  @ApiProperty({ description: 'Appointment clocks past due without a lawyer', example: 0 })
  appointmentsOverdue!: number;

  @ApiProperty({ description: 'Appointments made after the 3-day clock', example: 0 })
  appointmentsLate!: number;

  @ApiProperty({ description: 'Duty-lawyer help', type: DutyLawyerStatisticsDto })
  dutyLawyerServices!: DutyLawyerStatisticsDto;

  @ApiProperty({ description: 'Return visits', type: ReturnVisitStatisticsDto })
  returnVisits!: ReturnVisitStatisticsDto;
}
