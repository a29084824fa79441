import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
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
}
