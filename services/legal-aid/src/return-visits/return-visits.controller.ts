import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '../http-params/id-param.dto';
import { ReturnVisitCompleteDto } from './dto/return-visit-complete.dto';
import { ReturnVisitListQueryDto } from './dto/return-visit-list-query.dto';
import { ReturnVisitPageDto, ReturnVisitResponseDto } from './dto/return-visit-response.dto';
import { ReturnVisitsService } from './return-visits.service';

@ApiTags('return visits')
@Controller('return-visits')
export class ReturnVisitsController {
  constructor(private readonly visits: ReturnVisitsService) {}

  @Get()
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Return visits (回访) in your jurisdiction, earliest due first' })
  @ApiResponse({ status: 200, type: ReturnVisitPageDto })
  async list(@Query() query: ReturnVisitListQueryDto, @CurrentUser() user: AuthUser): Promise<ReturnVisitPageDto> {
    return this.visits.list(query, user);
  }

  @Post(':id/completion')
  @HttpCode(200)
  @Roles('legal-aid-officer')
  @ApiOperation({ summary: 'Record the return visit (409 when already completed)' })
  @ApiResponse({ status: 200, type: ReturnVisitResponseDto })
  async complete(
    @Param() params: IdParamDto,
    @Body() body: ReturnVisitCompleteDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ReturnVisitResponseDto> {
    return this.visits.complete(params.id, body, user);
  }
}
