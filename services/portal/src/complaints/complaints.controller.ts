import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import { RateLimit } from '@legal/rate-limit';
import { citizenKeys } from '../common/citizen-identity';
import { SubmissionAcceptedResponseDto } from '../submissions/dto/submission-accepted-response.dto';
import { caseCodeField, secretCheckLimits } from '../tracking/case-code-account';
import { ComplaintsService } from './complaints.service';
import { ComplaintCreateDto } from './dto/complaint-create.dto';

@ApiTags('complaints')
@Controller('portal/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly pii: PiiProtector,
  ) {}

  @Post()
  @Public()
  @Idempotent()
  @RateLimit(
    { keyPrefix: 'portal-complain-ip', points: 10, durationSeconds: 60, by: 'ip' },
    ...secretCheckLimits(caseCodeField('relatedCaseCode')),
  )
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Complain about the service on a case',
    description:
      'Verified like tracking (signed in as its citizen, or the case’s access code). Becomes a work order of its own, linked to the case and handled by a unit independent of the organisation complained about, which never learns who complained. The answer carries the complaint’s own access code; track it like any request.',
  })
  @ApiAcceptedResponse({ type: SubmissionAcceptedResponseDto })
  @ApiNotFoundResponse({ description: 'No such case, or the access code does not match (indistinguishable)' })
  async create(
    @Body() dto: ComplaintCreateDto,
    @CurrentUser() user: AuthUser | undefined,
  ): Promise<SubmissionAcceptedResponseDto> {
    return this.complaints.file(dto, user, citizenKeys(this.pii, user));
  }
}
