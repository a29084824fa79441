import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import { IdParamDto } from '@legal/handler-kit';
import { AgreementCreateDto } from './dto/agreement-create.dto';
import { CaseClosureDto } from './dto/case-closure.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('cases/:id')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Post('agreement')
  @HttpCode(200)
  @Roles('mediator', 'supervisor')
  @ApiOperation({
    summary:
      'Record the agreement reached (after a held session); closes the case, reports Resolved(agreement-reached)',
  })
  @ApiResponse({ status: 200, type: CaseResponseDto })
  agreement(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: AgreementCreateDto,
  ): Promise<CaseResponseDto> {
    return this.outcomes.recordAgreement(params.id, user, dto);
  }

  @Post('failure')
  @HttpCode(200)
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: 'Record that mediation failed; closes the case, reports Resolved(mediation-failed)' })
  @ApiResponse({ status: 200, type: CaseResponseDto })
  failure(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: CaseClosureDto,
  ): Promise<CaseResponseDto> {
    return this.outcomes.recordFailure(params.id, user, dto);
  }

  @Post('withdrawal')
  @HttpCode(200)
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: 'Record that the applicant withdrew; closes the case, reports Resolved(withdrawn)' })
  @ApiResponse({ status: 200, type: CaseResponseDto })
  withdrawal(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: CaseClosureDto,
  ): Promise<CaseResponseDto> {
    return this.outcomes.recordWithdrawal(params.id, user, dto);
  }
}
