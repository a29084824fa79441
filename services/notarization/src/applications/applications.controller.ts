import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { ApplicationHistoryResponseDto } from '../history/dto/application-history-response.dto';
import { ApplicationsService } from './applications.service';
import { ApplicationQueryDto } from './dto/application-query.dto';
import { ApplicationPageResponseDto, ApplicationResponseDto } from './dto/application-response.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get()
  @Roles('notary', 'supervisor', 'admin', 'citizen')
  @ApiOperation({ summary: 'Applications in your jurisdiction (staff) or your own (citizens), newest first' })
  @ApiResponse({ status: 200, type: ApplicationPageResponseDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ApplicationQueryDto): Promise<ApplicationPageResponseDto> {
    return this.applications.list(user, query);
  }

  @Get(':id')
  @Roles('notary', 'supervisor', 'admin', 'citizen')
  @ApiOperation({ summary: 'One application: checklist, notice, clock, certificate' })
  @ApiResponse({ status: 200, type: ApplicationResponseDto })
  get(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<ApplicationResponseDto> {
    return this.applications.get(params.id, user);
  }

  @Get(':id/history')
  @Roles('notary', 'supervisor', 'admin', 'citizen')
  @ApiOperation({ summary: 'Every step of the application: who, when, what' })
  @ApiResponse({ status: 200, type: ApplicationHistoryResponseDto })
  history(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<ApplicationHistoryResponseDto> {
    return this.applications.history(params.id, user);
  }
}
