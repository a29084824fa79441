import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { WalkInCreateDto } from './dto/walk-in-create.dto';
import { WalkInListQueryDto } from './dto/walk-in-list-query.dto';
import { WalkInOutcomeDto } from './dto/walk-in-outcome.dto';
import { WalkInPageDto, WalkInResponseDto } from './dto/walk-in-response.dto';
import { WalkInsService } from './walk-ins.service';

@ApiTags('walk-ins')
@ApiBearerAuth()
@Controller('walk-ins')
export class WalkInsController {
  constructor(private readonly walkIns: WalkInsService) {}

  @Post()
  @Idempotent()
  @Roles('centre-clerk')
  @ApiOperation({
    summary:
      'Register a walk-in from the ID card read at the counter (number validated per GB 11643, stored hashed and encrypted)',
  })
  @ApiResponse({ status: 201, type: WalkInResponseDto })
  @ApiResponse({ status: 400, description: 'Invalid fields, e.g. a wrong ID-card check character; nothing is written' })
  async register(@Body() body: WalkInCreateDto, @CurrentUser() clerk: AuthUser): Promise<WalkInResponseDto> {
    return WalkInResponseDto.from(await this.walkIns.register(body, clerk));
  }

  @Get()
  @Roles('centre-clerk', 'supervisor')
  @ApiOperation({ summary: "Your organisation's counter visits, newest first" })
  @ApiResponse({ status: 200, type: WalkInPageDto })
  async list(@Query() query: WalkInListQueryDto, @CurrentUser() clerk: AuthUser): Promise<WalkInPageDto> {
    const page = await this.walkIns.list(query, clerk);
    return {
      items: page.items.map((v) => WalkInResponseDto.from(v.visit, v.intake)),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  @Get(':id')
  @Roles('centre-clerk', 'supervisor')
  @ApiOperation({ summary: 'One visit with its intake status and case code (once assigned)' })
  @ApiResponse({ status: 200, type: WalkInResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() clerk: AuthUser): Promise<WalkInResponseDto> {
    const { visit, intake } = await this.walkIns.get(id, clerk);
    return WalkInResponseDto.from(visit, intake);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @Idempotent()
  @Roles('centre-clerk')
  @ApiOperation({
    summary: 'Record the outcome at the counter: answered on the spot (closed with its own case code) or a work order',
  })
  @ApiResponse({ status: 200, type: WalkInResponseDto })
  @ApiResponse({ status: 409, description: 'The outcome was already recorded' })
  async outcome(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WalkInOutcomeDto,
    @CurrentUser() clerk: AuthUser,
  ): Promise<WalkInResponseDto> {
    const { visit, intake } = await this.walkIns.recordOutcome(id, body, clerk);
    return WalkInResponseDto.from(visit, intake);
  }
}
