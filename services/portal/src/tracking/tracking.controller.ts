import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public } from '@legal/auth';
import { toWorkOrderViewResponse, WorkOrderViewResponseDto } from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import { RateLimit } from '@legal/rate-limit';
import { citizenKeys } from '../common/citizen-identity';
import { resolveLocale } from '../common/locale';
import { caseCodeParam, secretCheckLimits } from './case-code-account';
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
    ...secretCheckLimits(caseCodeParam),
  )
  @ApiOperation({
    summary: 'Track any request by case code plus its access code (查询码), or signed in as its citizen',
    description:
      'The same status, deadlines and timeline as on the hotline and at the centre. The access code is given once when the request is taken (web answer, told on the call, printed at the counter). An unknown case code, a wrong, missing or malformed access code all answer the same 404. Limits count per source address (per case code and overall), never per case code alone, so nobody can lock the owner out.',
  })
  @ApiParam({ name: 'caseCode', description: 'Case code (一案一码)', example: '371324-20261128-000001-7' })
  @ApiHeader({
    name: 'X-Access-Code',
    required: false,
    description:
      'Access code (查询码) given once at submission; not needed when signed in as its citizen. Case, spaces and dashes do not matter.',
    example: 'K7QM4-X2PRT',
  })
  @ApiOkResponse({ type: WorkOrderViewResponseDto })
  @ApiNotFoundResponse({ description: 'No such case, or the access code does not match (indistinguishable)' })
  async track(
    @Param('caseCode') caseCode: string,
    @Query() query: TrackingQueryDto,
    @CurrentUser() user: AuthUser | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Headers('x-access-code') accessCode: string | undefined,
  ): Promise<WorkOrderViewResponseDto> {
    const { view } = await this.tracking.verify(caseCode, {
      accessCode: accessCode?.slice(0, 40),
      citizen: citizenKeys(this.pii, user),
    });
    return toWorkOrderViewResponse(view, { kind: 'citizen' }, { locale: resolveLocale(query.lang, acceptLanguage) });
  }
}
