import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseCodePipe } from '../common/case-code.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import { WorkOrderActionResultDto } from '../work-orders/dto/work-order-action-result.dto';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { DeskRejectDto, DeskResolveDto } from './dto/desk.dto';
import { DeskService } from './desk.service';

const result = (wo: WorkOrderEntity): WorkOrderActionResultDto => ({
  caseCode: wo.caseCode,
  status: wo.status,
  version: wo.version,
  organisationId: wo.organisationId,
});

@ApiTags('desk')
@Controller('work-orders/:code')
@Roles('hotline-agent', 'centre-clerk', 'legal-aid-officer', 'mediator', 'notary', 'supervisor')
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @Post('offers/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an offer made to your organisation (agencies without a handler service)' })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  async accept(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Param('id', UuidPipe) id: string,
  ): Promise<WorkOrderActionResultDto> {
    return result(await this.desk.accept(user, code, id));
  }

  @Post('offers/:id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject an offer made to your organisation with a coded reason; it moves to the next candidate',
  })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  async reject(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Param('id', UuidPipe) id: string,
    @Body() dto: DeskRejectDto,
  ): Promise<WorkOrderActionResultDto> {
    return result(await this.desk.reject(user, code, id, dto));
  }

  @Post('resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a work order your organisation holds' })
  @ApiOkResponse({ type: WorkOrderActionResultDto })
  async resolve(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
    @Body() dto: DeskResolveDto,
  ): Promise<WorkOrderActionResultDto> {
    return result(await this.desk.resolve(user, code, dto));
  }
}
