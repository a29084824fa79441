import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { EntrustmentResponseDto } from '../entrustments/dto/entrustment-response.dto';
import { AppraisersService } from './appraisers.service';
import { AppraisersAssignDto } from './dto/appraisers-assign.dto';

@ApiTags('appraisers')
@ApiBearerAuth()
@Controller('entrustments/:id/appraisers')
export class AppraisersController {
  constructor(private readonly appraisers: AppraisersService) {}

  @Post()
  @HttpCode(200)
  @Roles('appraiser')
  @ApiOperation({
    summary: 'Designate two distinct appraisers qualified for the category (art. 19); 422 naming the rule otherwise',
  })
  @ApiResponse({ status: 200, type: EntrustmentResponseDto })
  assign(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: AppraisersAssignDto,
  ): Promise<EntrustmentResponseDto> {
    return this.appraisers.assign(params.id, user, dto);
  }
}
