import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseCodePipe } from '../common/case-code.pipe';
import { findVisibleWorkOrder } from '../work-orders/visible-work-order';
import { TimelineVerificationDto } from './dto/timeline-verification-response.dto';
import { verifyWorkOrderTimeline } from './timeline-verification';

@ApiTags('timeline')
@Controller('work-orders')
export class TimelineController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':code/timeline/verify')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Verify the hash chain of a work order timeline and report the first broken link' })
  @ApiOkResponse({ type: TimelineVerificationDto })
  async verify(
    @CurrentUser() user: AuthUser,
    @Param('code', CaseCodePipe) code: string,
  ): Promise<TimelineVerificationDto> {
    const wo = await findVisibleWorkOrder(this.dataSource.manager, user, code);
    const report = await verifyWorkOrderTimeline(this.dataSource.manager, wo);
    return {
      caseCode: report.caseCode,
      valid: report.valid,
      entries: report.entries,
      ...(report.firstBroken ? { firstBroken: report.firstBroken } : {}),
      checkedAt: report.checkedAt,
    };
  }
}
