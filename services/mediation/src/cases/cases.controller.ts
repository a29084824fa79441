import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { CaseHistoryResponseDto } from '../history/dto/case-history-response.dto';
import { CasesService } from './cases.service';
import { CaseQueryDto } from './dto/case-query.dto';
import { CasePageResponseDto, CaseResponseDto } from './dto/case-response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Roles('mediator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Mediation cases in your jurisdiction, newest first' })
  @ApiResponse({ status: 200, type: CasePageResponseDto })
  list(@CurrentUser() user: AuthUser, @Query() query: CaseQueryDto): Promise<CasePageResponseDto> {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @Roles('mediator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'One case with its sessions, term, outcome and judicial confirmation' })
  @ApiResponse({ status: 200, type: CaseResponseDto })
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<CaseResponseDto> {
    return this.cases.get(params.id, user);
  }

  @Get(':id/history')
  @Roles('mediator', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Every step of the case: who, when, what' })
  @ApiResponse({ status: 200, type: CaseHistoryResponseDto })
  history(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<CaseHistoryResponseDto> {
    return this.cases.history(params.id, user);
  }
}
