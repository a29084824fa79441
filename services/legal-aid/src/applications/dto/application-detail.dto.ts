import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AppointmentResponseDto } from '../../appointments/dto/appointment-response.dto';
import { HardshipReviewResponseDto } from '../../hardship/dto/hardship-review-response.dto';
import { ApplicationResponseDto } from './application-response.dto';
import { HistoryEntryDto } from './history-entry.dto';

export class ApplicationDetailDto extends ApplicationResponseDto {
  @ApiPropertyOptional({
    description: 'Economic-hardship review with every input',
    type: HardshipReviewResponseDto,
    nullable: true,
  })
  hardshipReview!: HardshipReviewResponseDto | null;

  @ApiPropertyOptional({
    description: 'Lawyer appointment and why this lawyer',
    type: AppointmentResponseDto,
    nullable: true,
  })
  appointment!: AppointmentResponseDto | null;

  @ApiProperty({ description: 'Timeline, oldest first', type: [HistoryEntryDto] })
  history!: HistoryEntryDto[];
}
