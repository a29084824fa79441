import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import { IdParamDto } from '@legal/handler-kit';
import { JudicialConfirmationRequestDto, JudicialConfirmationResultDto } from './dto/judicial-confirmation-request.dto';
import { JudicialConfirmationService } from './judicial-confirmation.service';

@ApiTags('judicial confirmation')
@ApiBearerAuth()
@Controller('cases/:id/judicial-confirmation')
export class JudicialConfirmationController {
  constructor(private readonly confirmation: JudicialConfirmationService) {}

  @Post()
  @HttpCode(200)
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: 'Record that the agreement was referred to a court for judicial confirmation (司法确认)' })
  @ApiResponse({ status: 200, type: CaseResponseDto })
  request(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: JudicialConfirmationRequestDto,
  ): Promise<CaseResponseDto> {
    return this.confirmation.request(params.id, user, dto);
  }

  @Post('result')
  @HttpCode(200)
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: "Record the court's decision on the judicial confirmation" })
  @ApiResponse({ status: 200, type: CaseResponseDto })
  result(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: JudicialConfirmationResultDto,
  ): Promise<CaseResponseDto> {
    return this.confirmation.recordResult(params.id, user, dto);
  }
}
