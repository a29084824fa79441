import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CallerHistoryService } from './caller-history.service';
import { CallerHistoryPageQueryDto, CallerHistoryQueryDto } from './dto/caller-history-query.dto';
import { CallerHistoryResponseDto } from './dto/caller-history-response.dto';

@ApiTags('caller-history')
@ApiBearerAuth()
@Controller('caller-history')
export class CallerHistoryController {
  constructor(private readonly history: CallerHistoryService) {}

  @Post('search')
  @HttpCode(200)
  @Roles('hotline-agent', 'supervisor')
  @ApiOperation({
    summary:
      'Every earlier request of a caller on any platform, with its status, plus the calls and callbacks of the hotline',
    description: 'A POST (read-only) so the phone number travels in the body, never in a URL or access log.',
  })
  @ApiResponse({ status: 200, type: CallerHistoryResponseDto })
  async search(@Body() body: CallerHistoryQueryDto, @CurrentUser() agent: AuthUser): Promise<CallerHistoryResponseDto> {
    return this.history.forPhone(body.phone, body.limit, body.offset, agent);
  }

  @Get('by-call/:callId')
  @Roles('hotline-agent', 'supervisor')
  @ApiOperation({ summary: 'The same history for the caller of a logged call (no need to type the number again)' })
  @ApiResponse({ status: 200, type: CallerHistoryResponseDto })
  async byCall(
    @Param('callId', new ParseUUIDPipe()) callId: string,
    @Query() query: CallerHistoryPageQueryDto,
    @CurrentUser() agent: AuthUser,
  ): Promise<CallerHistoryResponseDto> {
    return this.history.forCall(callId, query.limit, query.offset, agent);
  }
}
