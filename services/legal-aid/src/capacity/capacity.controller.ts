import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { DataSource } from 'typeorm';
import { CapacityService } from './capacity.service';
import { CapacityResponseDto } from './dto/capacity-response.dto';
import { CapacityUpsertDto } from './dto/capacity-upsert.dto';
import { OrganisationIdParamDto } from './dto/organisation-id-param.dto';

@ApiTags('admin: organisation capacity')
@Controller('admin/organisation-capacity')
export class CapacityController {
  constructor(
    private readonly capacity: CapacityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Capacity limits for automatic acceptance (* is the default)' })
  @ApiResponse({ status: 200, type: [CapacityResponseDto] })
  async list(): Promise<CapacityResponseDto[]> {
    return (await this.capacity.list(this.dataSource.manager)).map((r) => CapacityResponseDto.of(r));
  }

  @Put(':organisationId')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the capacity limit of an organisation (or * for the default)' })
  @ApiResponse({ status: 200, type: CapacityResponseDto })
  async upsert(
    @Param() params: OrganisationIdParamDto,
    @Body() body: CapacityUpsertDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CapacityResponseDto> {
    const row = await this.dataSource.transaction((m) =>
      this.capacity.upsert(m, params.organisationId, body.maxOpenApplications, user.subject),
    );
    return CapacityResponseDto.of(row);
  }

  @Delete(':organisationId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an organisation limit (the default then applies)' })
  async remove(@Param() params: OrganisationIdParamDto): Promise<void> {
    await this.dataSource.transaction((m) => this.capacity.remove(m, params.organisationId));
  }
}
