import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PeriodicTask } from '@legal/scheduling';
import type { DataSource } from 'typeorm';
import { renderPng, renderSvg } from '../charts/chart-renderer';
import { ChartsService } from '../charts/charts.service';
import { OVERSIGHT_ENV } from '../config/oversight-env.token';
import type { OversightEnv } from '../config/oversight.env';
import { IndicatorsService, RegionRef } from '../indicators/indicators.service';
import { parsePeriod, previousMonth } from '../indicators/period';
import { MonthlyReport } from './monthly-report.entity';
import { shanghaiMonth } from './monthly-report-month';
import { buildMonthlyReportPdf } from './monthly-report.builder';

const PROVINCE: RegionRef = { code: '370000', name: '山东省' };

/**
 * Monthly reports: built on demand for any month and region, and for the province by a job that, from the first of
 * each month on, makes sure last month's report exists (kept in `monthly_report` for download).
 */
@Injectable()
export class MonthlyReportsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MonthlyReportsService.name);
  private readonly job: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OVERSIGHT_ENV) private readonly env: OversightEnv,
    private readonly indicators: IndicatorsService,
    private readonly charts: ChartsService,
  ) {
    this.job = new PeriodicTask(
      { name: 'monthly report', intervalMs: env.MONTHLY_REPORT_CHECK_INTERVAL_MS, runAtStart: true },
      () => this.ensureLastMonth(new Date()),
      this.logger,
    );
  }

  onModuleInit(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  /** Builds last month's province report unless it is kept already; returns the month it built, if any. */
  async ensureLastMonth(now: Date): Promise<string | undefined> {
    const month = previousMonth(shanghaiMonth(now));
    const kept = await this.dataSource.getRepository(MonthlyReport).existsBy({ month, regionCode: PROVINCE.code });
    if (kept) return undefined;
    await this.generate(month, PROVINCE, now);
    this.logger.log({ month }, 'monthly report generated');
    return month;
  }

  /** Builds and keeps the report of a month for a region (replacing an earlier one). */
  async generate(month: string, region: RegionRef, now = new Date()): Promise<Buffer> {
    const period = parsePeriod(month);
    const [current, previous, mostOverdue] = await Promise.all([
      this.indicators.report(period, region, now),
      this.indicators.report(parsePeriod(previousMonth(month)), region, now),
      this.indicators.mostOverdue(period, region, 10, now),
    ]);
    const scope = { period, region, indicator: 'intakes' };
    const charts = [];
    for (const [kind, caption] of [
      ['trend', '受理请求数趋势'],
      ['ranking', '下辖地区受理请求数排名'],
      ['platform-share', '各平台受理占比'],
      ['deadline-compliance', '时限达标情况'],
    ] as const) {
      charts.push({ caption, png: renderPng(renderSvg(await this.charts.spec(kind, scope)), this.env.CJK_FONT_FILE) });
    }
    const pdf = await buildMonthlyReportPdf(
      { current, previous, mostOverdue, charts, generatedAt: now },
      this.env.CJK_FONT_FILE,
    );
    await this.dataSource.getRepository(MonthlyReport).save({ month, regionCode: region.code, pdf, generatedAt: now });
    return pdf;
  }

  async kept(month: string, regionCode: string): Promise<Buffer | undefined> {
    const row = await this.dataSource.getRepository(MonthlyReport).findOneBy({ month, regionCode });
    return row?.pdf;
  }
}
