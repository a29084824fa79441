import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONFIRMATION_RESULTS } from '../entities/judicial-confirmation.entity';

export class JudicialConfirmationResponseDto {
  @ApiProperty({ description: 'Court the agreement was referred to', example: '兰陵县人民法院' })
  court!: string;

  @ApiProperty({ description: 'Day the parties applied to the court', example: '2026-12-05' })
  requestedOn!: string;

  @ApiProperty({ description: 'pending, confirmed or rejected', enum: CONFIRMATION_RESULTS, example: 'pending' })
  result!: string;

  @ApiPropertyOptional({ description: 'Day the court decided', example: '2026-12-12' })
  decidedOn?: string;

  @ApiPropertyOptional({ description: "Note on the court's decision", example: '(2026)鲁1324民特12号裁定确认有效' })
  note?: string;
}
