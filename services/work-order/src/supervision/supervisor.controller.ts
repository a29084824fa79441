import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { InvalidInputError } from '@legal/http';
import { CaseCodePipe } from '../common/case-code.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { SUPERVISOR_ROLES } from '../work-orders/staff-roles';
import {
  EscalateDto,
  ExtendDeadlineDto,
  ReasonDto,
  ReassignDto,
  ResolveSupervisionOrderDto,
  TransferOutDto,
} from './dto/supervisor-actions.dto';
import { WorkOrderActionResultDto } from '../work-orders/dto/work-order-action-result.dto';
import { SupervisorActionsService } from './supervisor-actions.service';

@ApiTags('supervision')
@Controller('work-orders')
@Roles(...SUPERVISOR_ROLES)
export class SupervisorController {
  constructor(private readonly actions: SupervisorActionsService) {}

  @Post(':code/reassign')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Withdraw the current offer and offer the work order to a named organisation, or route it again away from the current one',
  })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  reassign(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: ReassignDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.actions.reassign(user, code, dto);
  }

  @Post(':code/escalate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a supervision order (督办) with its own deadline' })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  escalate(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: EscalateDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.actions.escalate(user, code, dto);
  }

  @Post(':code/supervision-orders/:orderId/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record how a supervision order (督办) was answered: it is resolved and its own clock stops (met or breached)',
  })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  resolveSupervisionOrder(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Param('orderId', new UuidPipe('orderId')) orderId: string,
    @Body() dto: ResolveSupervisionOrderDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.actions.resolveSupervisionOrder(user, code, orderId, dto);
  }

  @Post(':code/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the work order (offers withdrawn, clocks cancelled)' })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: ReasonDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.actions.cancel(user, code, dto.reason);
  }

  @Post(':code/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the work order' })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  close(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: ReasonDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.actions.close(user, code, dto.reason);
  }

  @Post(':code/transfers/12345')
  @HttpCode(200)
  @Roles('hotline-agent', ...SUPERVISOR_ROLES)
  @ApiOperation({
    summary:
      'Transfer a matter that belongs to the 12345 hotline out to 12345: the work order closes as transferred (shown to the citizen)',
  })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  @ApiConflictResponse({
    description: 'Terminal (illegal-transition), or no active 12345 client covers its region (no-12345-coverage)',
  })
  transferTo12345(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: TransferOutDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.actions.transferTo12345(user, code, dto);
  }

  @Post(':code/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a request that no organisation should handle (from triage or the supervisor queue)',
  })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  reject(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: ReasonDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.actions.reject(user, code, dto.reason);
  }

  @Post(':code/deadlines/:kind/extensions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend a running or paused deadline, with a reason' })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  extend(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Param('kind') kind: string,
    @Body() dto: ExtendDeadlineDto,
  ): Promise<WorkOrderActionResultDto> {
    if (!/^[a-z0-9-]{2,64}$/.test(kind))
      throw new InvalidInputError([
        { field: 'kind', messages: ['kind must be a deadline kind like legal-aid-decision'], codes: ['matches'] },
      ]);
    return this.actions.extendDeadline(user, code, kind, dto);
  }
}
