import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry } from '@legal/observability';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { shanghaiMonth } from '../reports/monthly-report-month';
import { INDICATORS } from './indicator-definitions';
import { EMPTY_COUNTS, indicatorValues } from './indicator-values';
import { countFacts } from './indicators.query';
import { parsePeriod, periodDays } from './period';
import { populationOf } from './population';

const REFRESH_MS = 60_000;

/**
 * The current month's indicators for the province and each city as a Prometheus gauge
 * (`oversight_indicator_value{indicator, region}`), for the Grafana province overview. Computed on scrape at most
 * once a minute; figures without a value (zero denominator) are left out.
 */
@Injectable()
export class IndicatorMetrics {
  private computedAt = 0;

  constructor(
    metrics: MetricsRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const existing = metrics.registry.getSingleMetric('oversight_indicator_value');
    if (existing) return;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- prom-client calls collect() with the gauge as this
    const self = this;
    new Gauge({
      name: 'oversight_indicator_value',
      help: "Current month's (Asia/Shanghai) indicator value per region: province 370000 and each city",
      labelNames: ['indicator', 'region'],
      registers: [metrics.registry],
      async collect(this: Gauge<'indicator' | 'region'>): Promise<void> {
        await self.refresh(this, new Date());
      },
    });
  }

  private async refresh(gauge: Gauge<'indicator' | 'region'>, now: Date): Promise<void> {
    if (now.getTime() - this.computedAt < REFRESH_MS) return;
    this.computedAt = now.getTime();
    const period = parsePeriod(shanghaiMonth(now));
    const manager = this.dataSource.manager;
    const [province, cities] = await Promise.all([
      countFacts(manager, { period, regionCode: '370000', grouping: 'none', now }),
      countFacts(manager, { period, regionCode: '370000', grouping: 'city', now }),
    ]);
    gauge.reset();
    const regions: [string, typeof EMPTY_COUNTS][] = [
      ['370000', province.get('all') ?? EMPTY_COUNTS],
      ...[...cities.entries()],
    ];
    for (const [region, counts] of regions) {
      indicatorValues(counts, populationOf(region), periodDays(period)).forEach((v, i) => {
        if (v.value !== null) gauge.set({ indicator: INDICATORS[i].code, region }, v.value);
      });
    }
  }
}
