import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@legal/auth';
import { StaffCreateDto } from './dto/staff-create.dto';
import { StaffResponseDto } from './dto/staff-response.dto';
import { StaffService, toStaffResponse } from './staff.service';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/staff')
export class StaffAdminController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account (409 username-taken when the name exists)' })
  @ApiCreatedResponse({ type: StaffResponseDto })
  async create(@Body() dto: StaffCreateDto): Promise<StaffResponseDto> {
    return toStaffResponse(await this.staff.create(dto));
  }

  @Get()
  @ApiOperation({ summary: 'List staff accounts' })
  @ApiOkResponse({ type: [StaffResponseDto] })
  async list(): Promise<StaffResponseDto[]> {
    return (await this.staff.list()).map(toStaffResponse);
  }

  @Post(':id/unlock')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift a sign-in lockout before it expires' })
  @ApiNoContentResponse()
  async unlock(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.staff.unlock(id);
  }
}
