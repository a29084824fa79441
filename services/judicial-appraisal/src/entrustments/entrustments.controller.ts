import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { EntrustmentCreateDto } from './dto/entrustment-create.dto';
import { EntrustmentDecisionDto } from './dto/entrustment-decision.dto';
import { EntrustmentQueryDto } from './dto/entrustment-query.dto';
import { EntrustmentPageResponseDto, EntrustmentResponseDto, HistoryResponseDto } from './dto/entrustment-response.dto';
import { EntrustmentsService } from './entrustments.service';

@ApiTags('entrustments')
@ApiBearerAuth()
@Controller('entrustments')
export class EntrustmentsController {
  constructor(private readonly entrustments: EntrustmentsService) {}

  @Post()
  @Roles('appraiser')
  @ApiOperation({
    summary: 'Register an entrustment received at your institution (court, party or legal-aid case; art. 11-13)',
  })
  @ApiResponse({ status: 201, type: EntrustmentResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: EntrustmentCreateDto): Promise<EntrustmentResponseDto> {
    return this.entrustments.create(user, dto);
  }

  @Get()
  @Roles('appraiser', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Entrustments of your institution (appraisers) or your jurisdiction (supervisors)' })
  @ApiOkResponse({ type: EntrustmentPageResponseDto })
  list(@CurrentUser() user: AuthUser, @Query() query: EntrustmentQueryDto): Promise<EntrustmentPageResponseDto> {
    return this.entrustments.list(user, query);
  }

  @Get(':id')
  @Roles('appraiser', 'supervisor', 'admin')
  @ApiOperation({ summary: 'An entrustment with its acceptance period, appraisers, term and opinion code' })
  @ApiOkResponse({ type: EntrustmentResponseDto })
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<EntrustmentResponseDto> {
    return this.entrustments.get(params.id, user);
  }

  @Get(':id/history')
  @Roles('appraiser', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Every step of the entrustment with who, when and why' })
  @ApiOkResponse({ type: HistoryResponseDto })
  history(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<HistoryResponseDto> {
    return this.entrustments.historyOf(params.id, user);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('appraiser')
  @ApiOperation({
    summary:
      'Accept (sign the agreement, start the 30-working-day term) or decline (art. 15); in time or late is recorded',
  })
  @ApiResponse({ status: 200, type: EntrustmentResponseDto })
  decide(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: EntrustmentDecisionDto,
  ): Promise<EntrustmentResponseDto> {
    return this.entrustments.decide(params.id, user, dto);
  }
}
