import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { InstitutionHeadDto, InstitutionHeadResponseDto } from './dto/institution-head.dto';
import { InstitutionParamDto } from './dto/institution-param.dto';
import { InstitutionResponseDto } from './dto/institution-response.dto';
import { InstitutionsService } from './institutions.service';

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get(':code')
  @Roles('appraiser', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'An institution with its licensed categories and its appraisers (own institution or jurisdiction)',
  })
  @ApiOkResponse({ type: InstitutionResponseDto })
  describe(@CurrentUser() user: AuthUser, @Param() params: InstitutionParamDto): Promise<InstitutionResponseDto> {
    return this.institutions.describe(params.code, user);
  }

  @Put(':code/head')
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary:
      'Designate the institution head (机构负责人), the staff subject who alone approves a term extension; ' +
      'an admin, or a supervisor of the jurisdiction',
  })
  @ApiOkResponse({ type: InstitutionHeadResponseDto })
  designateHead(
    @CurrentUser() user: AuthUser,
    @Param() params: InstitutionParamDto,
    @Body() dto: InstitutionHeadDto,
  ): Promise<InstitutionHeadResponseDto> {
    return this.institutions.designateHead(params.code, user, dto.subject);
  }
}
