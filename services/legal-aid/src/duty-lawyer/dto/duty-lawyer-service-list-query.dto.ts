import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../pagination/page-query.dto';
import { DUTY_LOCATION_TYPES, DutyLocationType } from '../entities/duty-lawyer-service.entity';

export class DutyLawyerServiceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this kind of place', enum: DUTY_LOCATION_TYPES, example: 'court' })
  @IsOptional()
  @IsIn(DUTY_LOCATION_TYPES)
  locationType?: DutyLocationType;
}
