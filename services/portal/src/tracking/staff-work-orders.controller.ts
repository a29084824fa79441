import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, inJurisdiction, Roles } from '@legal/auth';
import { NotFoundError } from '@legal/http';
import { toWorkOrderViewResponse, WorkOrderViewResponseDto, WorkOrderViewService } from '@legal/platform-kit';
import { resolveLocale } from '../common/locale';
import { LocaleQueryDto } from '../common/locale-query.dto';
import { TrackingService } from './tracking.service';

/**
 * Staff reading a work order through the portal (e.g. an online-service desk answering a citizen).
 * Visible within the caller's jurisdiction or to its organisation; a complaint is invisible (404) to
 * the organisation it is about, whatever its jurisdiction (issue 13 finding 7).
 */
@ApiTags('staff')
@Controller('portal/staff/work-orders')
export class StaffWorkOrdersController {
  constructor(private readonly views: WorkOrderViewService) {}

  @Get(':caseCode')
  @Roles('hotline-agent', 'centre-clerk', 'legal-aid-officer', 'mediator', 'notary', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'A work order as staff see it (complainant identity only for the independent unit and supervisors)',
  })
  @ApiParam({ name: 'caseCode', description: 'Case code (一案一码)', example: '371324-20261128-000001-7' })
  @ApiOkResponse({ type: WorkOrderViewResponseDto })
  @ApiNotFoundResponse({
    description: 'No such case within your jurisdiction (or a complaint about your organisation)',
  })
  async get(
    @Param('caseCode') caseCode: string,
    @Query() query: LocaleQueryDto,
    @CurrentUser() user: AuthUser,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<WorkOrderViewResponseDto> {
    const code = TrackingService.normalize(caseCode);
    const view = await this.views.findByCodeForStaff(code, user);
    const mine = !!view && !!user.organisationId && view.organisationId === user.organisationId;
    if (!view || !(mine || inJurisdiction(user, view.regionCode))) throw new NotFoundError('Work order', code);
    return toWorkOrderViewResponse(
      view,
      { kind: 'staff', user },
      { locale: resolveLocale(query.lang, acceptLanguage) },
    );
  }
}
