import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { isValidCaseCode } from '@legal/domain';
import { InvalidInputError } from '@legal/http';
import { toWorkOrderViewResponse, WorkOrderViewResponseDto } from '@legal/platform-kit';
import { CentreWorkOrdersService } from './centre-work-orders.service';
import { WorkOrderPageDto } from './dto/work-order-page.dto';
import { WorkOrderSearchQueryDto } from './dto/work-order-search-query.dto';

@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('work-orders')
export class CentreWorkOrdersController {
  constructor(private readonly workOrders: CentreWorkOrdersService) {}

  @Get()
  @Roles('centre-clerk', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Work orders in your area and the areas below it (403 for a region outside your jurisdiction)',
  })
  @ApiResponse({ status: 200, type: WorkOrderPageDto })
  @ApiResponse({ status: 403, description: 'The region is outside your jurisdiction' })
  async search(@Query() query: WorkOrderSearchQueryDto, @CurrentUser() clerk: AuthUser): Promise<WorkOrderPageDto> {
    const now = new Date();
    const page = await this.workOrders.search(query, clerk);
    return {
      items: page.items.map((v) => toWorkOrderViewResponse(v, { kind: 'staff', user: clerk }, { now })),
      total: page.total,
      limit: page.limit,
      offset: page.offset,
    };
  }

  @Get(':caseCode')
  @Roles('centre-clerk', 'supervisor', 'admin')
  @ApiParam({ name: 'caseCode', example: '371324-20261128-000001-7' })
  @ApiOperation({ summary: 'One work order with the same status and timeline every platform shows' })
  @ApiResponse({ status: 200, type: WorkOrderViewResponseDto })
  @ApiResponse({ status: 403, description: 'The case is outside your jurisdiction' })
  async get(@Param('caseCode') caseCode: string, @CurrentUser() clerk: AuthUser): Promise<WorkOrderViewResponseDto> {
    if (!isValidCaseCode(caseCode))
      throw new InvalidInputError([
        { field: 'caseCode', messages: ['caseCode must be a valid case code'], codes: ['isCaseCode'] },
      ]);
    return toWorkOrderViewResponse(await this.workOrders.byCaseCode(caseCode, clerk), { kind: 'staff', user: clerk });
  }
}
