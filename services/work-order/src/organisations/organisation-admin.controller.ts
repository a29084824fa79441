import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import {
  OrganisationCreateDto,
  OrganisationDto,
  OrganisationPageDto,
  OrganisationQueryDto,
  OrganisationUpdateDto,
  VillageRoomCreateDto,
} from './dto/organisation.dto';
import { StaffCreateDto, StaffDto, StaffPageDto, StaffQueryDto, StaffUpdateDto } from './dto/staff.dto';
import { OrganisationService } from './organisation.service';

@ApiTags('admin')
@Controller('admin')
export class OrganisationAdminController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get('organisations')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Organisations (filter by division and below, kind, service type)' })
  @ApiOkResponse({ type: OrganisationPageDto })
  list(@Query() query: OrganisationQueryDto): Promise<OrganisationPageDto> {
    return this.organisations.list(query);
  }

  @Post('organisations')
  @Roles('admin')
  @ApiOperation({ summary: 'Register an organisation (e.g. an agency handling referrals)' })
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@Body() dto: OrganisationCreateDto): Promise<OrganisationDto> {
    return this.organisations.create(dto);
  }

  @Post('organisations/village-rooms')
  @Roles('admin')
  @ApiOperation({ summary: 'Create the public legal service room of a village (villages are not seeded)' })
  @ApiCreatedResponse({ type: OrganisationDto })
  createVillageRoom(@Body() dto: VillageRoomCreateDto): Promise<OrganisationDto> {
    return this.organisations.createVillageRoom(dto.villageCode);
  }

  @Patch('organisations/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change service types, duty hours, address, phone or active flag' })
  @ApiOkResponse({ type: OrganisationDto })
  update(@Param('id') id: string, @Body() dto: OrganisationUpdateDto): Promise<OrganisationDto> {
    return this.organisations.update(id, dto);
  }

  @Get('staff')
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Staff of the organisations in your jurisdiction (filter by organisation); admins see all' })
  @ApiOkResponse({ type: StaffPageDto })
  listStaff(@Query() query: StaffQueryDto, @CurrentUser() user: AuthUser): Promise<StaffPageDto> {
    return this.organisations.listStaff(query, user);
  }

  @Post('staff')
  @Roles('admin')
  @ApiOperation({ summary: 'Register a staff member with expertise, languages, capacity and on-duty schedule' })
  @ApiCreatedResponse({ type: StaffDto })
  createStaff(@Body() dto: StaffCreateDto): Promise<StaffDto> {
    return this.organisations.createStaff(dto);
  }

  @Patch('staff/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a staff member' })
  @ApiOkResponse({ type: StaffDto })
  updateStaff(@Param('id') id: string, @Body() dto: StaffUpdateDto): Promise<StaffDto> {
    return this.organisations.updateStaff(id, dto);
  }
}
