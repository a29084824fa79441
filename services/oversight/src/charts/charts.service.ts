import { Injectable } from '@nestjs/common';
import type { IndicatorReport, RankingRow, RegionRef } from '../indicators/indicators.service';
import { IndicatorsService } from '../indicators/indicators.service';
import type { Period } from '../indicators/period';
import { ChartKind, ChartSpec } from './chart-renderer';

/** The four charts: trend of an indicator, ranking of the regions below, platform share, deadline compliance. */
@Injectable()
export class ChartsService {
  constructor(private readonly indicators: IndicatorsService) {}

  async spec(kind: ChartKind, scope: { period: Period; region: RegionRef; indicator: string }): Promise<ChartSpec> {
    const definition = this.indicators.indicator(scope.indicator);
    const where = `${scope.region.name} ${scope.period.label}`;
    switch (kind) {
      case 'trend': {
        const series = await this.indicators.series(definition.code, scope.period, scope.region);
        return {
          title: `${definition.nameZh}趋势（${where}）`,
          labels: series.map((s) => s.bucket),
          values: series.map((s) => s.value),
          style: 'line',
          unit: definition.unit,
        };
      }
      case 'ranking':
        return rankingSpec(
          await this.indicators.ranking(definition.code, scope.period, scope.region),
          definition.nameZh,
          definition.unit,
          where,
        );
      case 'platform-share':
        return platformShareSpec(await this.indicators.report(scope.period, scope.region));
      case 'deadline-compliance': {
        const report = await this.indicators.report(scope.period, scope.region);
        const codes = ['deadlines-met', 'legal-aid-decision-in-term', 'notarization-in-term', 'mediation-on-term'];
        const figures = codes.map((c) => report.indicators.find((i) => i.code === c)!);
        return {
          title: `时限达标情况（${where}）`,
          labels: figures.map((f) => f.nameZh),
          values: figures.map((f) => f.value),
          style: 'bar',
          unit: '%',
        };
      }
    }
  }
}

export function rankingSpec(rows: RankingRow[], nameZh: string, unit: string, where: string): ChartSpec {
  return {
    title: `${nameZh}排名（${where}）`,
    labels: rows.map((r) => r.region.name),
    values: rows.map((r) => r.value),
    style: 'bar',
    unit,
  };
}

export function platformShareSpec(report: IndicatorReport): ChartSpec {
  const figure = (code: string): number | null => report.indicators.find((i) => i.code === code)?.value ?? null;
  return {
    title: `各平台受理占比（${report.region.name} ${report.period.label}）`,
    labels: ['12348热线', '法律服务网', '实体平台'],
    values: [figure('share-hotline'), figure('share-portal'), figure('share-centre')],
    style: 'pie',
    unit: '%',
  };
}
