import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { DrillDownQueryDto, IndicatorQueryDto } from './dto/indicator-query.dto';
import {
  DrillDownDto,
  IndicatorDefinitionDto,
  IndicatorReportDto,
  OrganisationRankingDto,
  RankingDto,
  SeriesDto,
  ServiceTypeRankingDto,
} from './dto/indicator-response.dto';
import { INDICATORS } from './indicator-definitions';
import { IndicatorsService } from './indicators.service';
import { parsePeriod } from './period';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Every indicator of a region and period, with definition, formula, source events, target, unit',
  })
  @ApiOkResponse({ type: IndicatorReportDto, description: 'Indicators; 403 for a region outside your jurisdiction' })
  report(@Query() q: IndicatorQueryDto, @CurrentUser() user: AuthUser): Promise<IndicatorReportDto> {
    return this.indicators.report(parsePeriod(q.period), this.indicators.regionFor(user, q.region));
  }

  @Get('definitions')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'The indicator definitions (no figures)' })
  @ApiOkResponse({ type: [IndicatorDefinitionDto] })
  definitions(): IndicatorDefinitionDto[] {
    return [...INDICATORS];
  }

  @Get(':code/series')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Time series of one indicator: by day for up to two months, else by month' })
  @ApiOkResponse({ type: SeriesDto })
  async series(
    @Param('code') code: string,
    @Query() q: IndicatorQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SeriesDto> {
    const region = this.indicators.regionFor(user, q.region);
    return { code, region, points: await this.indicators.series(code, parsePeriod(q.period), region) };
  }

  @Get(':code/ranking')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Ranking of the cities (province), counties (city) or townships (county) under a region' })
  @ApiOkResponse({ type: RankingDto })
  async ranking(
    @Param('code') code: string,
    @Query() q: IndicatorQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RankingDto> {
    const region = this.indicators.regionFor(user, q.region);
    return { code, region, rows: await this.indicators.ranking(code, parsePeriod(q.period), region) };
  }

  @Get(':code/organisations')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Ranking of the organisations holding the work orders of a region (e.g. deadlines met per organisation)',
  })
  @ApiOkResponse({ type: OrganisationRankingDto })
  async organisationRanking(
    @Param('code') code: string,
    @Query() q: IndicatorQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganisationRankingDto> {
    const region = this.indicators.regionFor(user, q.region);
    return { code, region, rows: await this.indicators.organisationRanking(code, parsePeriod(q.period), region) };
  }

  @Get(':code/service-types')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Ranking of the service types of the work orders of a region (e.g. deadlines met per service type)',
  })
  @ApiOkResponse({ type: ServiceTypeRankingDto })
  async serviceTypeRanking(
    @Param('code') code: string,
    @Query() q: IndicatorQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ServiceTypeRankingDto> {
    const region = this.indicators.regionFor(user, q.region);
    return { code, region, rows: await this.indicators.serviceTypeRanking(code, parsePeriod(q.period), region) };
  }

  @Get(':code/work-orders')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: "Drill-down: case codes of the work orders behind an indicator's figure (no personal data)",
  })
  @ApiOkResponse({ type: DrillDownDto })
  async drillDown(
    @Param('code') code: string,
    @Query() q: DrillDownQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DrillDownDto> {
    const region = this.indicators.regionFor(user, q.region);
    const page = await this.indicators.drillDown(code, {
      period: parsePeriod(q.period),
      region,
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
    return { code, region, ...page };
  }
}
