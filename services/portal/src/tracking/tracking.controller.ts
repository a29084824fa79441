import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public } from '@legal/auth';
import { toWorkOrderViewResponse, WorkOrderViewResponseDto } from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import { RateLimit } from '@legal/rate-limit';
import { citizenKeys } from '../common/citizen-identity';
import { resolveLocale } from '../common/locale';
import { caseCodeParam } from './case-code-account';
import { TrackingQueryDto } from './dto/tracking-query.dto';
import { TrackingService } from './tracking.service';

@ApiTags('tracking')
@Controller('portal/track')
export class TrackingController {
  constructor(
    private readonly tracking: TrackingService,
    private readonly pii: PiiProtector,
  ) {}

  @Get(':caseCode')
  @Public()
  @RateLimit(
    { keyPrefix: 'portal-track-ip', points: 30, durationSeconds: 60, by: 'ip' },
    { keyPrefix: 'portal-track-case', points: 20, durationSeconds: 3600, by: 'account', account: caseCodeParam },
  )
  @ApiOperation({
    summary: 'Track any request by case code plus the last four digits of its phone (or signed in as its citizen)',
    description: 'The same status, deadlines and timeline as on the hotline and at the centre. A wrong code or wrong digits both answer 404.',
  })
  @ApiParam({ name: 'caseCode', description: 'Case code (一案一码)', example: '371324-20261128-000001-7' })
  @ApiOkResponse({ type: WorkOrderViewResponseDto })
  @ApiNotFoundResponse({ description: 'No such case, or the verification factor does not match' })
  async track(
    @Param('caseCode') caseCode: string,
    @Query() query: TrackingQueryDto,
    @CurrentUser() user: AuthUser | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<WorkOrderViewResponseDto> {
    const { view } = await this.tracking.verify(caseCode, { phoneLast4: query.phoneLast4, citizen: citizenKeys(this.pii, user) });
    return toWorkOrderViewResponse(view, { kind: 'citizen' }, { locale: resolveLocale(query.lang, acceptLanguage) });
  }
}
