import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@legal/handler-kit';
import { CASE_STATUSES, CaseStatus } from '../entities/mediation-case.entity';

export class CaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only cases in this state', enum: CASE_STATUSES, example: 'assigned' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'Only cases of this mediator', example: '73101c82-196c-4954-8d62-8fb6510bf202' })
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  @ApiPropertyOptional({
    description: 'Only cases of this work order',
    example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
  })
  @IsOptional()
  @IsUUID()
  workOrderId?: string;
}
