import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { CallsService } from '../calls/calls.service';
import { CallbacksService } from './callbacks.service';
import { CallbackTaskCompleteDto } from './dto/callback-task-complete.dto';
import { CallbackTaskQueryDto } from './dto/callback-task-query.dto';
import { CallbackTaskPageDto, CallbackTaskResponseDto } from './dto/callback-task-response.dto';
import type { CallbackTask } from './entities/callback-task.entity';

@ApiTags('callbacks')
@ApiBearerAuth()
@Controller('callbacks')
export class CallbacksController {
  constructor(
    private readonly callbacks: CallbacksService,
    private readonly calls: CallsService,
  ) {}

  @Get()
  @Roles('hotline-agent', 'supervisor')
  @ApiOperation({ summary: 'The callback queue, earliest due first (default: open and claimed tasks)' })
  @ApiResponse({ status: 200, type: CallbackTaskPageDto })
  async list(@Query() query: CallbackTaskQueryDto, @CurrentUser() agent: AuthUser): Promise<CallbackTaskPageDto> {
    const now = new Date();
    const page = await this.callbacks.list(query, agent, now);
    return {
      items: page.items.map((t) => CallbackTaskResponseDto.from(t, now)),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  @Get(':id')
  @Roles('hotline-agent', 'supervisor')
  @ApiOperation({ summary: 'One callback task; the agent who claimed it also gets the number to dial' })
  @ApiResponse({ status: 200, type: CallbackTaskResponseDto })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() agent: AuthUser,
  ): Promise<CallbackTaskResponseDto> {
    return this.respond(await this.callbacks.getFor(id, agent), agent);
  }

  @Post(':id/claim')
  @Idempotent()
  @HttpCode(200)
  @Roles('hotline-agent')
  @ApiOperation({ summary: 'Take a callback task; answers with the number to dial' })
  @ApiResponse({ status: 200, type: CallbackTaskResponseDto })
  @ApiResponse({ status: 409, description: 'Claimed by another agent, or already completed' })
  async claim(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() agent: AuthUser,
  ): Promise<CallbackTaskResponseDto> {
    return this.respond(await this.callbacks.claim(id, agent), agent);
  }

  @Post(':id/release')
  @Idempotent()
  @HttpCode(200)
  @Roles('hotline-agent', 'supervisor')
  @ApiOperation({ summary: 'Give a claimed task back to the queue' })
  @ApiResponse({ status: 200, type: CallbackTaskResponseDto })
  @ApiResponse({ status: 409, description: 'Not claimed by you' })
  async release(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() agent: AuthUser,
  ): Promise<CallbackTaskResponseDto> {
    return CallbackTaskResponseDto.from(await this.callbacks.release(id, agent), new Date());
  }

  @Post(':id/complete')
  @Idempotent()
  @HttpCode(200)
  @Roles('hotline-agent', 'supervisor')
  @ApiOperation({ summary: 'Record the outcome of a claimed callback' })
  @ApiResponse({ status: 200, type: CallbackTaskResponseDto })
  @ApiResponse({ status: 409, description: 'Not claimed by you, or already completed' })
  async complete(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CallbackTaskCompleteDto,
    @CurrentUser() agent: AuthUser,
  ): Promise<CallbackTaskResponseDto> {
    return CallbackTaskResponseDto.from(await this.callbacks.complete(id, body, agent), new Date());
  }

  /** The full number is decrypted only for the hotline agent holding the task. */
  private async respond(task: CallbackTask, agent: AuthUser): Promise<CallbackTaskResponseDto> {
    const holder =
      task.status === 'claimed' && task.claimedBy === agent.subject && agent.roles.includes('hotline-agent');
    const phone = holder && task.phoneHash ? await this.calls.callbackNumber(task.phoneHash) : undefined;
    return CallbackTaskResponseDto.from(task, new Date(), phone);
  }
}
