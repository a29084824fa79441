import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { IdParamDto } from '../http-params/id-param.dto';
import { LawyerCreateDto } from './dto/lawyer-create.dto';
import { LawyerListQueryDto } from './dto/lawyer-list-query.dto';
import { LawyerPageDto, LawyerResponseDto } from './dto/lawyer-response.dto';
import { LawyerUpdateDto } from './dto/lawyer-update.dto';
import { LawyersService } from './lawyers.service';

@ApiTags('lawyer roster')
@Controller()
export class LawyersController {
  constructor(private readonly lawyers: LawyersService) {}

  @Get('lawyers')
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'The legal-aid lawyer roster with current loads' })
  @ApiResponse({ status: 200, type: LawyerPageDto })
  async list(@Query() query: LawyerListQueryDto): Promise<LawyerPageDto> {
    const page = await this.lawyers.list(query);
    return { ...page, items: page.items.map((l) => LawyerResponseDto.of(l)) };
  }

  @Get('lawyers/:id')
  @Roles('legal-aid-officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'One roster entry' })
  @ApiResponse({ status: 200, type: LawyerResponseDto })
  async get(@Param() params: IdParamDto): Promise<LawyerResponseDto> {
    return LawyerResponseDto.of(await this.lawyers.get(params.id));
  }

  @Post('admin/lawyers')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a lawyer to the roster' })
  @ApiResponse({ status: 201, type: LawyerResponseDto })
  async create(@Body() body: LawyerCreateDto, @CurrentUser() user: AuthUser): Promise<LawyerResponseDto> {
    return LawyerResponseDto.of(await this.lawyers.create(body, user.subject));
  }

  @Patch('admin/lawyers/:id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a roster entry (deactivate instead of deleting; capacity not below the current load)',
  })
  @ApiResponse({ status: 200, type: LawyerResponseDto })
  async update(
    @Param() params: IdParamDto,
    @Body() body: LawyerUpdateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<LawyerResponseDto> {
    return LawyerResponseDto.of(await this.lawyers.update(params.id, body, user.subject));
  }
}
