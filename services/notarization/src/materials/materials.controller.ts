import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { IdParamDto } from '@legal/handler-kit';
import { ApplicationSubmissionDto, MaterialsArrivalDto } from './dto/application-submission.dto';
import { MaterialsService } from './materials.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications/:id')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  @Post('submission')
  @HttpCode(200)
  @Roles('citizen', 'notary')
  @ApiOperation({
    summary:
      'Submit the matter and materials (the applicant, or a notary at the counter): accepted (受理) with the 15-working-day deadline; ' +
      'every missing item named in one notice (NeedsInfo) and the clock paused',
  })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  submit(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: ApplicationSubmissionDto,
  ): Promise<ApplicationResponseDto> {
    return this.materials.submit(params.id, user, dto);
  }

  @Post('materials')
  @HttpCode(200)
  @Roles('citizen', 'notary')
  @ApiOperation({
    summary:
      'Hand in missing materials; when all have arrived: InfoReceived, the clock resumes with the due date moved by the working days paused',
  })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  receive(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: MaterialsArrivalDto,
  ): Promise<ApplicationResponseDto> {
    return this.materials.receive(params.id, user, dto);
  }
}
