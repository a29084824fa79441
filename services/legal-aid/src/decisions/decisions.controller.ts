import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ApplicationPresenter } from '../applications/application.presenter';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { IdParamDto } from '../http-params/id-param.dto';
import { DecisionsService } from './decisions.service';
import { DecisionCreateDto } from './dto/decision-create.dto';

@ApiTags('applications: decision')
@Controller('applications/:id/decision')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly presenter: ApplicationPresenter,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('legal-aid-officer')
  @ApiOperation({
    summary:
      'Grant or deny legal aid with a reason (409 before the review, when decided already, or granting against an ineligible review)',
  })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  async decide(
    @Param() params: IdParamDto,
    @Body() body: DecisionCreateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApplicationResponseDto> {
    return this.presenter.summary(await this.decisions.decide(params.id, body, user), user);
  }
}
