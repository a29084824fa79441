import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CandidateScore } from '../../lawyers/lawyer-selection';
import type { Appointment } from '../entities/appointment.entity';

export class AppointmentResponseDto {
  @ApiProperty({ description: 'Lawyer id on the roster', example: '5c1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f' })
  lawyerId!: string;

  @ApiProperty({ description: 'Lawyer name', example: '李明' })
  lawyerName!: string;

  @ApiProperty({ description: 'Law firm', example: '山东兰陵律师事务所' })
  lawFirm!: string;

  @ApiProperty({ description: 'When appointed', example: '2026-11-30T03:00:00.000Z' })
  appointedAt!: string;

  @ApiProperty({ description: 'Who appointed (officer, or system:sweeper)', example: 'system:sweeper' })
  appointedBy!: string;

  @ApiProperty({ description: 'automatic or manual', example: 'automatic' })
  mode!: string;

  @ApiProperty({ description: 'Appointed before the decision (先行提供)', example: false })
  providedFirst!: boolean;

  @ApiProperty({
    description: 'Why this lawyer',
    example: '李明 (山东兰陵律师事务所) ranked 1 of 3 candidate(s): expertise labour matches ...',
  })
  explanation!: string;

  @ApiProperty({ description: 'Ranked candidates considered', example: [] })
  candidates!: CandidateScore[];

  @ApiPropertyOptional({ description: 'When the appointment ended', example: null, nullable: true })
  endedAt!: string | null;

  @ApiPropertyOptional({ description: 'Why it ended', example: null, nullable: true })
  endReason!: string | null;

  static of(a: Appointment): AppointmentResponseDto {
    return {
      lawyerId: a.lawyerId,
      lawyerName: a.lawyerName,
      lawFirm: a.lawFirm,
      appointedAt: a.appointedAt.toISOString(),
      appointedBy: a.appointedBy,
      mode: a.mode,
      providedFirst: a.providedFirst,
      explanation: a.explanation,
      candidates: a.candidates,
      endedAt: a.endedAt?.toISOString() ?? null,
      endReason: a.endReason,
    };
  }
}
