import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { DutyLawyerRecordsService } from './duty-lawyer-records.service';
import { DutyLawyerServiceCreateDto } from './dto/duty-lawyer-service-create.dto';
import { DutyLawyerServiceListQueryDto } from './dto/duty-lawyer-service-list-query.dto';
import { DutyLawyerServicePageDto, DutyLawyerServiceResponseDto } from './dto/duty-lawyer-service-response.dto';

@ApiTags('duty lawyers')
@Controller('duty-lawyer-services')
export class DutyLawyerController {
  constructor(private readonly records: DutyLawyerRecordsService) {}

  @Post()
  @Roles('legal-aid-officer')
  @ApiOperation({
    summary: 'Record duty-lawyer help (值班律师) given at a court, procuratorate, detention centre or police station',
  })
  @ApiResponse({ status: 201, type: DutyLawyerServiceResponseDto })
  async record(
    @Body() body: DutyLawyerServiceCreateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DutyLawyerServiceResponseDto> {
    return this.records.record(body, user);
  }

  @Get()
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Duty-lawyer help in your jurisdiction, newest first' })
  @ApiResponse({ status: 200, type: DutyLawyerServicePageDto })
  async list(
    @Query() query: DutyLawyerServiceListQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DutyLawyerServicePageDto> {
    return this.records.list(query, user);
  }
}
