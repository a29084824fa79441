import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { CaseResponseDto } from '../cases/dto/case-response.dto';
import { IdParamDto } from '@legal/handler-kit';
import { TermExtensionDto } from './dto/term-extension.dto';
import { TermService } from './term.service';

@ApiTags('term')
@ApiBearerAuth()
@Controller('cases/:id/term-extension')
export class TermController {
  constructor(private readonly term: TermService) {}

  @Post()
  @HttpCode(200)
  @Roles('mediator', 'supervisor')
  @ApiOperation({
    summary:
      'Extend the 30-day mediation term (reason required); reports Progressed(term-extended) with the new deadline',
  })
  @ApiResponse({ status: 200, type: CaseResponseDto })
  extend(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() dto: TermExtensionDto,
  ): Promise<CaseResponseDto> {
    return this.term.extend(params.id, user, dto);
  }
}
