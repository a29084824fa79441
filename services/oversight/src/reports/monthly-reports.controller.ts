import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { InvalidInputError } from '@legal/http';
import { ReportQueryDto } from '../indicators/dto/indicator-query.dto';
import { IndicatorsService } from '../indicators/indicators.service';
import { MonthlyReportsService } from './monthly-reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/monthly')
export class MonthlyReportsController {
  constructor(
    private readonly reports: MonthlyReportsService,
    private readonly indicators: IndicatorsService,
  ) {}

  @Get(':month')
  @Roles('supervisor', 'admin')
  @ApiParam({ name: 'month', example: '2026-11' })
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'The monthly report (PDF, Chinese): the kept one, else built now and kept' })
  async pdf(
    @Param('month') month: string,
    @Query() q: ReportQueryDto,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ): Promise<void> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new InvalidInputError([{ field: 'month', messages: ['month must look like 2026-11'], codes: ['isMonth'] }]);
    }
    const region = this.indicators.regionFor(user, q.region);
    const pdf = (await this.reports.kept(month, region.code)) ?? (await this.reports.generate(month, region));
    res.type('application/pdf').attachment(`report-${region.code}-${month}.pdf`).send(pdf);
  }
}
