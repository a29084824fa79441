import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@legal/auth';
import { IdParamDto } from '@legal/handler-kit';
import { CommitteesService } from './committees.service';
import { CommitteeCreateDto, CommitteeUpdateDto } from './dto/committee-create.dto';
import { CommitteeQueryDto } from './dto/committee-query.dto';
import { CommitteePageResponseDto, CommitteeResponseDto } from './dto/committee-response.dto';
import { MediatorCreateDto, MediatorUpdateDto } from './dto/mediator-create.dto';
import { MediatorListResponseDto, MediatorResponseDto } from './dto/mediator-response.dto';

@ApiTags('committees')
@Controller()
export class CommitteesController {
  constructor(private readonly committees: CommitteesService) {}

  @Get('committees')
  @Public()
  @ApiOperation({ summary: "People's mediation committees (public agency lookup)" })
  @ApiResponse({ status: 200, type: CommitteePageResponseDto })
  list(@Query() query: CommitteeQueryDto): Promise<CommitteePageResponseDto> {
    return this.committees.list(query);
  }

  @Post('committees')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Register the committee of a village, township or county' })
  @ApiResponse({ status: 201, type: CommitteeResponseDto })
  create(@Body() dto: CommitteeCreateDto): Promise<CommitteeResponseDto> {
    return this.committees.create(dto);
  }

  @Patch('committees/:id')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Rename a committee or take it out of (or back into) the assignment' })
  @ApiResponse({ status: 200, type: CommitteeResponseDto })
  update(@Param() params: IdParamDto, @Body() dto: CommitteeUpdateDto): Promise<CommitteeResponseDto> {
    return this.committees.update(params.id, dto);
  }

  @Get('committees/:id/mediators')
  @Roles('admin', 'supervisor', 'mediator')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Mediators of a committee with their specialties and current load' })
  @ApiResponse({ status: 200, type: MediatorListResponseDto })
  mediators(@Param() params: IdParamDto): Promise<MediatorListResponseDto> {
    return this.committees.mediators(params.id);
  }

  @Post('committees/:id/mediators')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a mediator to a committee' })
  @ApiResponse({ status: 201, type: MediatorResponseDto })
  addMediator(@Param() params: IdParamDto, @Body() dto: MediatorCreateDto): Promise<MediatorResponseDto> {
    return this.committees.addMediator(params.id, dto);
  }

  @Patch('mediators/:id')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change a mediator's specialties, maximum load or availability" })
  @ApiResponse({ status: 200, type: MediatorResponseDto })
  updateMediator(@Param() params: IdParamDto, @Body() dto: MediatorUpdateDto): Promise<MediatorResponseDto> {
    return this.committees.updateMediator(params.id, dto);
  }
}
