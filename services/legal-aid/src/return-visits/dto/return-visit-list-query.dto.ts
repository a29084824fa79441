import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../pagination/page-query.dto';
import { RETURN_VISIT_STATUSES, ReturnVisitStatus } from '../entities/return-visit.entity';

export class ReturnVisitListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only visits in this status', enum: RETURN_VISIT_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(RETURN_VISIT_STATUSES)
  status?: ReturnVisitStatus;
}
