import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { DataSource } from 'typeorm';
import { ThresholdRegionParamDto } from './dto/threshold-region-param.dto';
import { ThresholdResponseDto } from './dto/threshold-response.dto';
import { ThresholdUpsertDto } from './dto/threshold-upsert.dto';
import { ThresholdsService } from './thresholds.service';

@ApiTags('admin: hardship thresholds')
@Controller('admin/hardship-thresholds')
export class ThresholdsController {
  constructor(
    private readonly thresholds: ThresholdsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('admin', 'supervisor', 'legal-aid-officer')
  @ApiOperation({ summary: 'Economic-hardship thresholds (county → city → province fallback)' })
  @ApiResponse({ status: 200, type: [ThresholdResponseDto] })
  async list(): Promise<ThresholdResponseDto[]> {
    return (await this.thresholds.list(this.dataSource.manager)).map((t) => ThresholdResponseDto.of(t));
  }

  @Put(':regionCode')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the threshold of the province, a city or a county' })
  @ApiResponse({ status: 200, type: ThresholdResponseDto })
  async upsert(
    @Param() params: ThresholdRegionParamDto,
    @Body() body: ThresholdUpsertDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ThresholdResponseDto> {
    return ThresholdResponseDto.of(
      await this.dataSource.transaction((m) => this.thresholds.upsert(m, params.regionCode, body, user.subject)),
    );
  }

  @Delete(':regionCode')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a city or county threshold (the next level up then applies)' })
  async remove(@Param() params: ThresholdRegionParamDto): Promise<void> {
    await this.dataSource.transaction((m) => this.thresholds.remove(m, params.regionCode));
  }
}
