import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseCodePipe } from '../common/case-code.pipe';
import { PageQueryDto } from '../common/page.dto';
import { WorkOrderActionResultDto } from '../work-orders/dto/work-order-action-result.dto';
import { ClassifyDto, TriagePageDto } from './dto/classify.dto';
import { TriageService } from './triage.service';

@ApiTags('triage')
@Controller()
@Roles('hotline-agent', 'centre-clerk', 'supervisor', 'admin')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  @Get('triage')
  @ApiOperation({ summary: 'Work orders waiting for a person to decide their service type, oldest first' })
  @ApiOkResponse({ type: TriagePageDto })
  queue(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<TriagePageDto> {
    return this.triage.queue(user, query);
  }

  @Post('work-orders/:code/classify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the service type of a triaged work order and route it' })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  async classify(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: ClassifyDto,
  ): Promise<WorkOrderActionResultDto> {
    const wo = await this.triage.classify(user, code, dto);
    return { caseCode: wo.caseCode, status: wo.status, version: wo.version, organisationId: wo.organisationId };
  }
}
