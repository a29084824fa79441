import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ApplicationPresenter } from '../applications/application.presenter';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { IdParamDto } from '../http-params/id-param.dto';
import { ClosureService } from './closure.service';
import { ClosureCreateDto } from './dto/closure-create.dto';

@ApiTags('applications: closure')
@Controller('applications/:id/closure')
export class ClosureController {
  constructor(
    private readonly closure: ClosureService,
    private readonly presenter: ApplicationPresenter,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('legal-aid-officer')
  @ApiOperation({
    summary:
      'Close an appointed case with its outcome; creates the return-visit task (409 unless appointed and granted)',
  })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  async close(
    @Param() params: IdParamDto,
    @Body() body: ClosureCreateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApplicationResponseDto> {
    const { application } = await this.closure.close(params.id, body, user);
    return this.presenter.summary(application, user);
  }
}
