import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../pagination/page-query.dto';
import { APPLICATION_KINDS, APPLICATION_STATES, ApplicationKind, ApplicationState } from '../application-state';

export class ApplicationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only applications in this state',
    enum: APPLICATION_STATES,
    example: 'received',
  })
  @IsOptional()
  @IsIn(APPLICATION_STATES)
  state?: ApplicationState;

  @ApiPropertyOptional({ description: 'Only this kind', enum: APPLICATION_KINDS, example: 'notified-defence' })
  @IsOptional()
  @IsIn(APPLICATION_KINDS)
  kind?: ApplicationKind;
}
