import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@legal/handler-kit';
import { APPLICATION_STATUSES, ApplicationStatus } from '../entities/application.entity';

export class ApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only applications in this state',
    enum: APPLICATION_STATUSES,
    example: 'accepted',
  })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({
    description: 'Only applications of this work order',
    example: '6f1d1c9e-2b1f-4e5a-9c0d-0a1b2c3d4e5f',
  })
  @IsOptional()
  @IsUUID()
  workOrderId?: string;
}
