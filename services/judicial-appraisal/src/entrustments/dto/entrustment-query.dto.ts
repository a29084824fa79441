import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@legal/handler-kit';
import { ENTRUSTMENT_STATUSES } from '../entities/entrustment.entity';
import type { EntrustmentStatus } from '../entities/entrustment.entity';

export class EntrustmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only entrustments in this status', enum: ENTRUSTMENT_STATUSES })
  @IsOptional()
  @IsIn(ENTRUSTMENT_STATUSES)
  status?: EntrustmentStatus;
}
