import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseCodePipe } from '../common/case-code.pipe';
import { RoutingExplanationDto, toRoutingDecisionDto } from '../routing/dto/routing-decision-response.dto';
import { WorkOrderDetailDto } from './dto/work-order-detail.dto';
import { WorkOrderSearchDto } from './dto/work-order-search.dto';
import { WorkOrderPageDto } from './dto/work-order-summary.dto';
import { READ_ROLES } from '../work-orders/staff-roles';
import { WorkOrderQueryService } from './work-order-query.service';

@ApiTags('work-orders')
@Controller('work-orders')
export class WorkOrderQueryController {
  constructor(private readonly query: WorkOrderQueryService) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary:
      'Search work orders in your jurisdiction (status, type, region, organisation, overdue, platform, date range)',
  })
  @ApiOkResponse({ type: WorkOrderPageDto })
  search(@CurrentUser() user: AuthUser, @Query() query: WorkOrderSearchDto): Promise<WorkOrderPageDto> {
    return this.query.search(user, query);
  }

  @Get(':code')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'A work order by case code, with timeline, deadlines, offers, intakes and supervision' })
  @ApiOkResponse({ type: WorkOrderDetailDto })
  detail(@CurrentUser() user: AuthUser, @Param('code', CaseCodePipe) code: string): Promise<WorkOrderDetailDto> {
    return this.query.detail(user, code);
  }

  @Get(':code/routing')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'Every routing decision of a work order: candidates, rules matched, scores, winner and why',
  })
  @ApiOkResponse({ type: RoutingExplanationDto })
  async routing(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
  ): Promise<RoutingExplanationDto> {
    const { wo, decisions } = await this.query.routing(user, code);
    return { caseCode: wo.caseCode, decisions: decisions.map(toRoutingDecisionDto) };
  }
}
