import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { RateLimit } from '@legal/rate-limit';
import { EntrustmentResponseDto } from '../entrustments/dto/entrustment-response.dto';
import { OpinionCodeParamDto, OpinionVerificationResponseDto } from './dto/opinion.dto';
import { OpinionsService } from './opinions.service';

@ApiTags('opinions')
@Controller()
export class OpinionsController {
  constructor(private readonly opinions: OpinionsService) {}

  @Post('entrustments/:id/opinion')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('appraiser')
  @ApiOperation({
    summary: 'Issue the appraisal opinion under a new code (institution, year, serial, check character)',
  })
  @ApiResponse({ status: 200, type: EntrustmentResponseDto })
  issue(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<EntrustmentResponseDto> {
    return this.opinions.issue(params.id, user);
  }

  @Get('opinions/:code/verification')
  @Public()
  @RateLimit({ keyPrefix: 'opinion-verify', points: 60, durationSeconds: 60, by: 'ip' })
  @ApiOperation({
    summary: 'Anyone: is this opinion code genuine, which institution issued it and when (nothing personal)',
  })
  @ApiOkResponse({ type: OpinionVerificationResponseDto })
  verify(@Param() params: OpinionCodeParamDto): Promise<OpinionVerificationResponseDto> {
    return this.opinions.verify(params.code);
  }
}
