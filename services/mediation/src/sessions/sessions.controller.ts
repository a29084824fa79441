import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { SessionHeldDto } from './dto/session-held.dto';
import { SessionParamDto } from './dto/session-param.dto';
import { SessionResponseDto } from './dto/session-response.dto';
import { SessionScheduleDto } from './dto/session-schedule.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('cases/:id/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: 'Schedule a session with the parties (409 on a closed case)' })
  @ApiResponse({ status: 201, type: SessionResponseDto })
  schedule(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: SessionScheduleDto,
  ): Promise<SessionResponseDto> {
    return this.sessions.schedule(params.id, user, dto);
  }

  @Post(':sessionId/held')
  @HttpCode(200)
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: 'Record that a scheduled session was held, who attended and the minutes' })
  @ApiResponse({ status: 200, type: SessionResponseDto })
  hold(
    @CurrentUser() user: AuthUser,
    @Param() params: SessionParamDto,
    @Body() dto: SessionHeldDto,
  ): Promise<SessionResponseDto> {
    return this.sessions.hold(params.id, params.sessionId, user, dto);
  }
}
