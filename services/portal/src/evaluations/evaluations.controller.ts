import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public } from '@legal/auth';
import { Idempotent } from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import { RateLimit } from '@legal/rate-limit';
import { citizenKeys } from '../common/citizen-identity';
import { caseCodeField, secretCheckLimits } from '../tracking/case-code-account';
import { EvaluationCreateDto } from './dto/evaluation-create.dto';
import { EvaluationResponseDto } from './dto/evaluation-response.dto';
import { EvaluationsService } from './evaluations.service';

@ApiTags('evaluations')
@Controller('portal/evaluations')
export class EvaluationsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly pii: PiiProtector,
  ) {}

  @Post()
  @Public()
  @Idempotent()
  @RateLimit(
    { keyPrefix: 'portal-evaluate-ip', points: 20, durationSeconds: 60, by: 'ip' },
    ...secretCheckLimits(caseCodeField('caseCode')),
  )
  @ApiOperation({
    summary: 'Evaluate a resolved work order (once per work order)',
    description:
      'Verified like tracking (signed in as its citizen, or the access code given at submission). A score of 2 or less reopens the work order for a different handler.',
  })
  @ApiCreatedResponse({ type: EvaluationResponseDto })
  @ApiNotFoundResponse({ description: 'No such case, or the access code does not match (indistinguishable)' })
  @ApiConflictResponse({
    description: 'Not resolved (code work-order-not-resolved) or already evaluated (code already-evaluated)',
  })
  async create(
    @Body() dto: EvaluationCreateDto,
    @CurrentUser() user: AuthUser | undefined,
  ): Promise<EvaluationResponseDto> {
    return this.evaluations.evaluate(dto, citizenKeys(this.pii, user));
  }
}
