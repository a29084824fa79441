import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DECLINE_REASONS } from '../entrustment-rules';
import type { DeclineReason } from '../entrustment-rules';

/** The institution's decision on an entrustment (art. 13-15). */
export class EntrustmentDecisionDto {
  @ApiProperty({
    description: 'true: accept and sign the entrustment agreement; false: decline (art. 15)',
    example: true,
  })
  @IsBoolean()
  accept!: boolean;

  @ApiPropertyOptional({
    description: 'Declining: the art. 15 ground',
    enum: DECLINE_REASONS,
    example: 'beyond-technical-capacity',
  })
  @IsOptional()
  @IsIn(DECLINE_REASONS)
  reasonCode?: DeclineReason;

  @ApiPropertyOptional({
    description: 'Declining: the reason told to the entrusting party',
    example: '本机构无相应检验设备',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'When decided (default: now; not before receipt, not in the future)',
    example: '2026-11-05T02:00:00.000Z',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  decidedAt?: string;
}
