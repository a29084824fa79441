import { Controller, Get, Inject, Param, ParseEnumPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { OVERSIGHT_ENV } from '../config/oversight-env.token';
import type { OversightEnv } from '../config/oversight.env';
import { ExportQueryDto, ChartQueryDto } from '../indicators/dto/indicator-query.dto';
import { IndicatorsService } from '../indicators/indicators.service';
import { parsePeriod } from '../indicators/period';
import { indicatorsCsv, indicatorsXlsx } from '../exports/indicator-export';
import { CHART_KINDS, ChartKind, renderPng, renderSvg } from './chart-renderer';
import { ChartsService } from './charts.service';

const CHART_KIND_VALUES = Object.fromEntries(CHART_KINDS.map((k) => [k, k]));

@ApiTags('charts and exports')
@ApiBearerAuth()
@Controller()
export class ChartsController {
  constructor(
    private readonly charts: ChartsService,
    private readonly indicators: IndicatorsService,
    @Inject(OVERSIGHT_ENV) private readonly env: OversightEnv,
  ) {}

  @Get('charts/:kind')
  @Roles('supervisor', 'admin')
  @ApiParam({ name: 'kind', enum: CHART_KINDS })
  @ApiOkResponse({
    content: {
      'image/svg+xml': { schema: { type: 'string' } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({ summary: 'A chart rendered on the server (ECharts SVG; PNG through resvg with a CJK font)' })
  async chart(
    @Param('kind', new ParseEnumPipe(CHART_KIND_VALUES)) kind: ChartKind,
    @Query() q: ChartQueryDto,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ): Promise<void> {
    const region = this.indicators.regionFor(user, q.region);
    const spec = await this.charts.spec(kind, {
      period: parsePeriod(q.period),
      region,
      indicator: q.indicator ?? 'intakes',
    });
    const svg = renderSvg(spec);
    if (q.format === 'png') res.type('image/png').send(renderPng(svg, this.env.CJK_FONT_FILE));
    else res.type('image/svg+xml').send(svg);
  }

  @Get('exports/indicators')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({ summary: 'The indicators of a region and period as CSV or XLSX' })
  async export(@Query() q: ExportQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const region = this.indicators.regionFor(user, q.region);
    const report = await this.indicators.report(parsePeriod(q.period), region);
    const name = `indicators-${region.code}-${report.period.label}`;
    if (q.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(indicatorsCsv(report));
    } else {
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`${name}.xlsx`)
        .send(await indicatorsXlsx(report));
    }
  }
}
