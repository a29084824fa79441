import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseCodePipe } from '../common/case-code.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { READ_ROLES } from '../work-orders/staff-roles';
import { RelationDecisionDto, RelationDto, RelationListDto } from './dto/relation.dto';
import { RelationService } from './relation.service';
import { MergeDto } from './dto/merge.dto';
import { WorkOrderMergeService } from './work-order-merge.service';
import { WorkOrderActionResultDto } from '../work-orders/dto/work-order-action-result.dto';

@ApiTags('relations')
@Controller()
export class RelationController {
  constructor(
    private readonly relations: RelationService,
    private readonly merges: WorkOrderMergeService,
  ) {}

  @Get('work-orders/:code/relations')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'Work orders possibly related to this one (same phone, other type; similar name, same county)',
  })
  @ApiOkResponse({ type: RelationListDto })
  async list(@CurrentUser() user: AuthUser, @Param('code', CaseCodePipe) code: string): Promise<RelationListDto> {
    const items = await this.relations.list(user, code);
    return { items, total: items.length };
  }

  @Post('relations/:id/confirm')
  @HttpCode(200)
  @Roles('hotline-agent', 'centre-clerk', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Confirm that two work orders are related (recorded on both timelines)' })
  @ApiOkResponse({ type: RelationDto })
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RelationDecisionDto,
  ): Promise<RelationDto> {
    return this.relations.decide(user, id, 'confirmed', dto.note);
  }

  @Post('relations/:id/dismiss')
  @HttpCode(200)
  @Roles('hotline-agent', 'centre-clerk', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Dismiss a possible relation' })
  @ApiOkResponse({ type: RelationDto })
  dismiss(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RelationDecisionDto,
  ): Promise<RelationDto> {
    return this.relations.decide(user, id, 'dismissed', dto.note);
  }

  @Post('work-orders/:code/merge')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary:
      'Merge a duplicate into the work order that carries on (same person: shared ID card or phone, or a possible relation not dismissed)',
  })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  merge(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: MergeDto,
  ): Promise<WorkOrderActionResultDto> {
    return this.merges.merge(user, code, dto);
  }
}
