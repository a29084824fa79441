import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { InvalidInputError } from '@legal/http';
import { Idempotent } from '@legal/platform-kit';
import { COUNTER_PATTERN, TicketCreateDto } from './dto/ticket-create.dto';
import { TicketQueryDto } from './dto/ticket-query.dto';
import { TicketIssuedResponseDto, TicketPageDto, TicketResponseDto } from './dto/ticket-response.dto';
import { QueueService } from './queue.service';

@ApiTags('queue')
@ApiBearerAuth()
@Controller('queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Post('tickets')
  @Idempotent()
  @Roles('centre-clerk')
  @ApiOperation({
    summary: 'Issue the next ticket of a counter (numbers restart daily per organisation and counter, e.g. A-023)',
  })
  @ApiResponse({ status: 201, type: TicketIssuedResponseDto })
  async issue(@Body() body: TicketCreateDto, @CurrentUser() clerk: AuthUser): Promise<TicketIssuedResponseDto> {
    const { ticket, waitingAhead } = await this.queue.issue(body, clerk);
    return { ...TicketResponseDto.from(ticket), waitingAhead };
  }

  @Get('tickets')
  @Roles('centre-clerk', 'supervisor')
  @ApiOperation({ summary: "Your organisation's tickets of a day, by counter and number" })
  @ApiResponse({ status: 200, type: TicketPageDto })
  async list(@Query() query: TicketQueryDto, @CurrentUser() clerk: AuthUser): Promise<TicketPageDto> {
    const page = await this.queue.list(query, clerk);
    return {
      items: page.items.map((t) => TicketResponseDto.from(t)),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  @Post('counters/:counter/call-next')
  @Idempotent()
  @HttpCode(200)
  @Roles('centre-clerk')
  @ApiParam({ name: 'counter', example: 'A' })
  @ApiOperation({ summary: 'Call the lowest waiting number at a counter' })
  @ApiResponse({ status: 200, type: TicketResponseDto })
  @ApiResponse({ status: 404, description: 'Nobody is waiting (code queue-empty)' })
  async callNext(@Param('counter') counter: string, @CurrentUser() clerk: AuthUser): Promise<TicketResponseDto> {
    if (!COUNTER_PATTERN.test(counter))
      throw new InvalidInputError([
        { field: 'counter', messages: ['counter must be 1-2 capital letters, e.g. A'], codes: ['matches'] },
      ]);
    return TicketResponseDto.from(await this.queue.callNext(counter, clerk));
  }

  @Post('tickets/:id/no-show')
  @Idempotent()
  @HttpCode(200)
  @Roles('centre-clerk')
  @ApiOperation({ summary: 'The called citizen did not come to the counter' })
  @ApiResponse({ status: 200, type: TicketResponseDto })
  @ApiResponse({ status: 409, description: 'The ticket was not called (or was already served)' })
  async noShow(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() clerk: AuthUser,
  ): Promise<TicketResponseDto> {
    return TicketResponseDto.from(await this.queue.markNoShow(id, clerk));
  }
}
