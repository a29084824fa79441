import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ApplicationPresenter } from '../applications/application.presenter';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { IdParamDto } from '../http-params/id-param.dto';
import { MaterialsReceivedDto } from './dto/materials-received.dto';
import { MaterialsRequestDto } from './dto/materials-request.dto';
import { MaterialsService } from './materials.service';

@ApiTags('applications: materials')
@Controller('applications/:id')
export class MaterialsController {
  constructor(
    private readonly materials: MaterialsService,
    private readonly presenter: ApplicationPresenter,
  ) {}

  @Post('needs-info')
  @HttpCode(200)
  @Roles('legal-aid-officer')
  @ApiOperation({
    summary: 'Tell the applicant every missing item at once; pauses the decision clock (409 after the decision)',
  })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  async request(
    @Param() params: IdParamDto,
    @Body() body: MaterialsRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApplicationResponseDto> {
    return this.presenter.summary(await this.materials.request(params.id, body, user), user);
  }

  @Post('info-received')
  @HttpCode(200)
  @Roles('legal-aid-officer')
  @ApiOperation({ summary: 'Record the materials received; resumes the decision clock with its new due date' })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  async received(
    @Param() params: IdParamDto,
    @Body() body: MaterialsReceivedDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApplicationResponseDto> {
    return this.presenter.summary(await this.materials.received(params.id, body, user), user);
  }
}
