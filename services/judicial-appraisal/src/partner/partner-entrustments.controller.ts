import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { PartnerEntrustmentCreateDto, PartnerEntrustmentResponseDto } from './dto/partner-entrustment.dto';
import { PartnerEntrustmentsService } from './partner-entrustments.service';

@ApiTags('entrustments')
@ApiBearerAuth()
@Controller('entrustments/partner')
export class PartnerEntrustmentsController {
  constructor(private readonly partner: PartnerEntrustmentsService) {}

  @Post()
  @Roles('partner')
  @ApiOperation({
    summary:
      'A partner court entrusts an appraisal (the court from its token): recorded and sent to work-order, ' +
      'whose offer to an institution registers it under the same id and case code',
  })
  @ApiResponse({ status: 201, type: PartnerEntrustmentResponseDto })
  submit(
    @CurrentUser() user: AuthUser,
    @Body() dto: PartnerEntrustmentCreateDto,
  ): Promise<PartnerEntrustmentResponseDto> {
    return this.partner.submit(user, dto);
  }

  @Get(':id')
  @Roles('partner')
  @ApiOperation({ summary: "The court's own entrustment with its status and case code (another partner: 404)" })
  @ApiOkResponse({ type: PartnerEntrustmentResponseDto })
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<PartnerEntrustmentResponseDto> {
    return this.partner.get(user, params.id);
  }
}
