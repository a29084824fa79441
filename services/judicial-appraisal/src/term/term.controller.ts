import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { EntrustmentResponseDto } from '../entrustments/dto/entrustment-response.dto';
import { TermExtensionDto } from './dto/term-extension.dto';
import { TermPauseDto, TermResumeDto } from './dto/term-pause.dto';
import { TermService } from './term.service';

@ApiTags('term')
@ApiBearerAuth()
@Controller('entrustments/:id/term')
export class TermController {
  constructor(private readonly term: TermService) {}

  @Post('pause')
  @HttpCode(200)
  @Roles('appraiser')
  @ApiOperation({
    summary: 'Supplementary materials requested: the term clock stops (art. 29); 409 when already paused',
  })
  @ApiResponse({ status: 200, type: EntrustmentResponseDto })
  pause(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: TermPauseDto,
  ): Promise<EntrustmentResponseDto> {
    return this.term.pause(params.id, user, dto);
  }

  @Post('resume')
  @HttpCode(200)
  @Roles('appraiser')
  @ApiOperation({
    summary: 'Materials received: the clock runs again and the due date moves by the working days paused',
  })
  @ApiResponse({ status: 200, type: EntrustmentResponseDto })
  resume(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: TermResumeDto,
  ): Promise<EntrustmentResponseDto> {
    return this.term.resume(params.id, user, dto);
  }

  @Post('extension')
  @HttpCode(200)
  @Roles('appraiser')
  @ApiOperation({
    summary: 'The institution head extends the term once by at most 30 working days (art. 28); a second → 409',
  })
  @ApiResponse({ status: 200, type: EntrustmentResponseDto })
  extend(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: TermExtensionDto,
  ): Promise<EntrustmentResponseDto> {
    return this.term.extend(params.id, user, dto);
  }
}
