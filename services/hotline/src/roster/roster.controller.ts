import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { RosterCoverageResponseDto, RosterOnDutyResponseDto } from './dto/roster-coverage-response.dto';
import { RosterCoverageQueryDto, RosterOnDutyQueryDto, RosterShiftListQueryDto } from './dto/roster-query.dto';
import { RosterShiftCreateDto } from './dto/roster-shift-create.dto';
import { RosterShiftPageDto, RosterShiftResponseDto } from './dto/roster-shift-response.dto';
import { RosterShiftUpdateDto } from './dto/roster-shift-update.dto';
import { RosterService } from './roster.service';

@ApiTags('roster')
@ApiBearerAuth()
@Controller('roster')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Post('shifts')
  @Idempotent()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Put an agent on a seat for a period' })
  @ApiResponse({ status: 201, type: RosterShiftResponseDto })
  @ApiResponse({ status: 409, description: 'The seat or the agent is already rostered for part of the period' })
  async create(@Body() body: RosterShiftCreateDto, @CurrentUser() user: AuthUser): Promise<RosterShiftResponseDto> {
    return RosterShiftResponseDto.from(await this.roster.create(body, user.subject));
  }

  @Get('shifts')
  @Roles('hotline-agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Shifts overlapping a window, earliest first' })
  @ApiResponse({ status: 200, type: RosterShiftPageDto })
  async list(@Query() query: RosterShiftListQueryDto): Promise<RosterShiftPageDto> {
    const page = await this.roster.list(query);
    return {
      items: page.items.map((s) => RosterShiftResponseDto.from(s)),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  @Get('shifts/:id')
  @Roles('hotline-agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'One shift' })
  @ApiResponse({ status: 200, type: RosterShiftResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<RosterShiftResponseDto> {
    return RosterShiftResponseDto.from(await this.roster.get(id));
  }

  @Patch('shifts/:id')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Change a shift (seat, agent, period, languages, expertise)' })
  @ApiResponse({ status: 200, type: RosterShiftResponseDto })
  @ApiResponse({ status: 409, description: 'The change would double-book a seat or an agent' })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RosterShiftUpdateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RosterShiftResponseDto> {
    return RosterShiftResponseDto.from(await this.roster.update(id, body, user.subject));
  }

  @Delete('shifts/:id')
  @HttpCode(204)
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Remove a shift from the roster' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.roster.remove(id, user.subject);
  }

  @Get('coverage')
  @Roles('hotline-agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Every gap in 7x24 coverage within a window (optionally per language or for expert seats)' })
  @ApiResponse({ status: 200, type: RosterCoverageResponseDto })
  async coverage(@Query() query: RosterCoverageQueryDto): Promise<RosterCoverageResponseDto> {
    return this.roster.coverage(query);
  }

  @Get('on-duty')
  @Roles('hotline-agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Who is on duty at an instant (default now): the out-of-hours duty team' })
  @ApiResponse({ status: 200, type: RosterOnDutyResponseDto })
  async onDuty(@Query() query: RosterOnDutyQueryDto): Promise<RosterOnDutyResponseDto> {
    const { at, shifts } = await this.roster.onDuty(query);
    return {
      at: at.toISOString(),
      covered: shifts.length > 0,
      shifts: shifts.map((s) => RosterShiftResponseDto.from(s)),
    };
  }
}
