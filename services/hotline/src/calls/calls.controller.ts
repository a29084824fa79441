import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { toCallResponse } from './call-response.mapper';
import { CallsService } from './calls.service';
import { CallCreateDto } from './dto/call-create.dto';
import { CallListQueryDto } from './dto/call-list-query.dto';
import { CallPageDto, CallResponseDto } from './dto/call-response.dto';

@ApiTags('calls')
@ApiBearerAuth()
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post()
  @Idempotent()
  @Roles('hotline-agent')
  @ApiOperation({
    summary: 'Log a call: answered on the call (closed at once with its own case code) or followed up as a work order',
    description:
      'Answers at once with the intake id; the case code appears on GET /calls/{id} as soon as the work-order service assigns it.',
  })
  @ApiResponse({ status: 201, type: CallResponseDto })
  @ApiResponse({ status: 400, description: 'Invalid fields (problem+json lists each); nothing is written' })
  async create(@Body() body: CallCreateDto, @CurrentUser() agent: AuthUser): Promise<CallResponseDto> {
    return toCallResponse(await this.calls.log(body, agent));
  }

  @Get()
  @Roles('hotline-agent', 'supervisor')
  @ApiOperation({ summary: 'Logged calls, newest first (agentId=me for my own)' })
  @ApiResponse({ status: 200, type: CallPageDto })
  async list(@Query() query: CallListQueryDto, @CurrentUser() agent: AuthUser): Promise<CallPageDto> {
    const page = await this.calls.list(query, agent);
    return { items: page.items.map(toCallResponse), total: page.total, limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @Roles('hotline-agent', 'supervisor')
  @ApiOperation({ summary: 'One call with its intake status and case code (once assigned)' })
  @ApiResponse({ status: 200, type: CallResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() agent: AuthUser): Promise<CallResponseDto> {
    return toCallResponse(await this.calls.getWithIntake(id, agent));
  }
}
