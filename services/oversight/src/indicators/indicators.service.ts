import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, inJurisdiction } from '@legal/auth';
import { isServiceTypeCode, serviceType, shandongRegions } from '@legal/domain';
import { DomainError, InvalidInputError, NotFoundError } from '@legal/http';
import type { DataSource } from 'typeorm';
import { DeadlineFact } from '../facts/deadline-fact.entity';
import { tableOf } from '../facts/table-name';
import { WorkOrderFact } from '../facts/work-order-fact.entity';
import { OfferFact } from '../facts/offer-fact.entity';
import { findIndicator, IndicatorDefinition, INDICATORS } from './indicator-definitions';
import { EMPTY_COUNTS, indicatorValues, IndicatorValue } from './indicator-values';
import { countFacts, drillDownCondition, Grouping, regionCondition } from './indicators.query';
import { Period, periodDays } from './period';
import { NOT_A_REGION, POPULATION_SOURCE, populationOf } from './population';

export type IndicatorFigure = IndicatorDefinition & Omit<IndicatorValue, 'code' | 'measurable'>;

export interface RegionRef {
  code: string;
  name: string;
}

export interface IndicatorReport {
  period: { label: string; from: string; to: string };
  region: RegionRef;
  populationSource: string;
  indicators: IndicatorFigure[];
}

export interface RankingRow {
  rank: number;
  region: RegionRef;
  value: number | null;
  numerator: number;
  denominator: number | null;
  annualised?: number | null;
  reason?: string;
}

export interface OrganisationRankingRow {
  rank: number;
  organisation: { id: string; name: string | null };
  value: number | null;
  numerator: number;
  denominator: number | null;
}

export interface ServiceTypeRankingRow {
  rank: number;
  serviceType: { code: string; nameZh: string | null };
  value: number | null;
  numerator: number;
  denominator: number | null;
}

export interface OverdueMatter {
  caseCode: string;
  serviceType: string;
  organisationId: string | null;
  deadlineKind: string;
  dueAt: string;
  daysOverdue: number;
}

const REGION_PATTERN = /^37\d{4}(\d{3})?$/;

/** The oversight questions: indicators, their series and rankings, and the work orders behind a figure. */
@Injectable()
export class IndicatorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The region asked for (default: the caller's own), refused outside the caller's jurisdiction. */
  regionFor(user: AuthUser, requested: string | undefined): RegionRef {
    const code = requested ?? user.regionCode ?? (user.roles.includes('admin') ? '370000' : undefined);
    if (!code) throw new DomainError('out-of-jurisdiction', 'Your account has no region', HttpStatus.FORBIDDEN);
    const region = REGION_PATTERN.test(code) ? shandongRegions().lookup(code) : undefined;
    if (!region) {
      throw new InvalidInputError([
        {
          field: 'region',
          messages: ['region must be a Shandong division code of 6 or 9 digits'],
          codes: ['isRegion'],
        },
      ]);
    }
    if (!inJurisdiction(user, code)) {
      throw new DomainError('out-of-jurisdiction', 'The region is outside your jurisdiction', HttpStatus.FORBIDDEN);
    }
    return { code: region.code, name: region.name };
  }

  indicator(code: string): IndicatorDefinition {
    const found = findIndicator(code);
    if (!found) throw new NotFoundError('Indicator', code);
    return found;
  }

  async report(period: Period, region: RegionRef, now = new Date()): Promise<IndicatorReport> {
    const counts = await countFacts(this.dataSource.manager, {
      period,
      regionCode: region.code,
      grouping: 'none',
      now,
    });
    const values = indicatorValues(counts.get('all') ?? EMPTY_COUNTS, populationOf(region.code), periodDays(period));
    return {
      period: { label: period.label, from: period.from.toISOString(), to: period.to.toISOString() },
      region,
      populationSource: POPULATION_SOURCE,
      indicators: INDICATORS.map((d, i) => ({ ...d, ...values[i], code: d.code })),
    };
  }

  async series(
    code: string,
    period: Period,
    region: RegionRef,
    now = new Date(),
  ): Promise<{ bucket: string; value: number | null }[]> {
    const index = INDICATORS.findIndex((d) => d.code === this.indicator(code).code);
    const grouped = await countFacts(this.dataSource.manager, {
      period,
      regionCode: region.code,
      grouping: period.bucket,
      now,
    });
    const out: { bucket: string; value: number | null }[] = [];
    for (const bucket of buckets(period)) {
      out.push({
        bucket,
        value: indicatorValues(grouped.get(bucket) ?? EMPTY_COUNTS, populationOf(region.code))[index].value,
      });
    }
    return out;
  }

  async ranking(code: string, period: Period, region: RegionRef, now = new Date()): Promise<RankingRow[]> {
    const definition = this.indicator(code);
    const index = INDICATORS.findIndex((d) => d.code === definition.code);
    const grouping: Grouping = region.code === '370000' ? 'city' : region.code.endsWith('00') ? 'county' : 'township';
    const grouped = await countFacts(this.dataSource.manager, { period, regionCode: region.code, grouping, now });
    const children = shandongRegions()
      .children(region.code)
      .filter((r) => !r.developmentZone || grouped.has(r.code));
    const rows = children.map((r) => {
      const v = indicatorValues(grouped.get(r.code) ?? EMPTY_COUNTS, populationOf(r.code), periodDays(period))[index];
      return {
        region: { code: r.code, name: r.name },
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        ...(v.annualised !== undefined ? { annualised: v.annualised } : {}),
        ...(v.reason !== undefined ? { reason: v.reason } : {}),
      };
    });
    const sign = definition.higherIsBetter ? -1 : 1;
    rows.sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
      return sign * (a.value - b.value) || a.region.code.localeCompare(b.region.code);
    });
    return rows.map((r, i) => ({ rank: i + 1, ...r }));
  }

  /**
   * The organisations that held work orders of the region and period, ranked by one indicator (e.g. deadlines met
   * per organisation); a work order counts for the organisation holding it now, an offer for the organisation offered. Organisations without a value
   * (zero denominator) come last.
   */
  async organisationRanking(
    code: string,
    period: Period,
    region: RegionRef,
    now = new Date(),
  ): Promise<OrganisationRankingRow[]> {
    const manager = this.dataSource.manager;
    const rows = await this.groupRanking(code, { period, region, now, grouping: 'organisation' });
    const names = await manager.query<{ id: string; name: string | null }[]>(
      `SELECT id, max(name) AS name FROM (
         SELECT organisation_id AS id, organisation_name AS name FROM ${tableOf(manager, WorkOrderFact)}
         UNION ALL SELECT organisation_id, organisation_name FROM ${tableOf(manager, OfferFact)}
       ) o WHERE id = ANY($1) GROUP BY 1`,
      [rows.map((r) => r.key)],
    );
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return rows.map(({ key, ...r }) => ({ ...r, organisation: { id: key, name: nameOf.get(key) ?? null } }));
  }

  /**
   * The service types of the region's and period's work orders, ranked by one indicator (e.g. deadlines met per
   * service type); the same mechanism as the organisation ranking, grouped on the work order's service type.
   */
  async serviceTypeRanking(
    code: string,
    period: Period,
    region: RegionRef,
    now = new Date(),
  ): Promise<ServiceTypeRankingRow[]> {
    const rows = await this.groupRanking(code, { period, region, now, grouping: 'service-type' });
    return rows.map(({ key, ...r }) => ({
      ...r,
      serviceType: { code: key, nameZh: isServiceTypeCode(key) ? serviceType(key).labelZh : null },
    }));
  }

  /** One indicator per group of the region's work orders, ranked (ties by key; groups without a value last). */
  private async groupRanking(
    code: string,
    scope: { period: Period; region: RegionRef; now: Date; grouping: 'organisation' | 'service-type' },
  ): Promise<{ rank: number; key: string; value: number | null; numerator: number; denominator: number | null }[]> {
    const definition = this.indicator(code);
    const index = INDICATORS.findIndex((d) => d.code === definition.code);
    const grouped = await countFacts(this.dataSource.manager, {
      period: scope.period,
      regionCode: scope.region.code,
      grouping: scope.grouping,
      now: scope.now,
    });
    grouped.delete('');
    const rows = [...grouped.entries()].map(([key, counts]) => {
      const v = indicatorValues(counts, NOT_A_REGION)[index];
      return { key, value: v.value, numerator: v.numerator, denominator: v.denominator };
    });
    const sign = definition.higherIsBetter ? -1 : 1;
    rows.sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
      return sign * (a.value - b.value) || a.key.localeCompare(b.key);
    });
    return rows.map((r, i) => ({ rank: i + 1, ...r }));
  }

  /** Case codes of the work orders behind an indicator's numerator (no personal data). */
  async drillDown(
    code: string,
    scope: { period: Period; region: RegionRef; limit: number; offset: number; now?: Date },
  ): Promise<{ total: number; caseCodes: string[] }> {
    const manager = this.dataSource.manager;
    const condition = drillDownCondition(
      this.indicator(code).code,
      { deadlines: tableOf(manager, DeadlineFact), offers: tableOf(manager, OfferFact) },
      '$4',
    );
    const where = `f.received_at >= $1 AND f.received_at < $2 AND ${regionCondition(scope.region.code, '$3')}
      AND ${condition ?? 'FALSE'}`;
    const params: unknown[] = [scope.period.from, scope.period.to, scope.region.code];
    if (condition?.includes('$4')) params.push(scope.now ?? new Date());
    const facts = tableOf(manager, WorkOrderFact);
    const [{ total }] = await manager.query<{ total: string }[]>(
      `SELECT count(*) AS total FROM ${facts} f WHERE ${where}`,
      params,
    );
    const rows = await manager.query<{ case_code: string }[]>(
      `SELECT f.case_code FROM ${facts} f WHERE ${where} ORDER BY f.received_at, f.case_code
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, scope.limit, scope.offset],
    );
    return { total: Number(total), caseCodes: rows.map((r) => r.case_code) };
  }

  /** The most overdue matters (breached or running past due), longest overdue first. */
  async mostOverdue(period: Period, region: RegionRef, limit = 10, now = new Date()): Promise<OverdueMatter[]> {
    const manager = this.dataSource.manager;
    const rows = await manager.query<
      { case_code: string; service_type: string; organisation_id: string | null; kind: string; due_at: Date }[]
    >(
      `SELECT f.case_code, f.service_type, f.organisation_id, d.kind, d.due_at
       FROM ${tableOf(manager, DeadlineFact)} d
       JOIN ${tableOf(manager, WorkOrderFact)} f ON f.work_order_id = d.work_order_id
       WHERE f.received_at >= $1 AND f.received_at < $2 AND ${regionCondition(region.code, '$3')}
         AND (d.status = 'breached' OR (d.status = 'running' AND d.due_at < $4))
       ORDER BY d.due_at, f.case_code LIMIT $5`,
      [period.from, period.to, region.code, now, limit],
    );
    return rows.map((r) => ({
      caseCode: r.case_code,
      serviceType: r.service_type,
      organisationId: r.organisation_id,
      deadlineKind: r.kind,
      dueAt: new Date(r.due_at).toISOString(),
      daysOverdue: Math.max(0, Math.floor((now.getTime() - new Date(r.due_at).getTime()) / 86_400_000)),
    }));
  }
}

/** The day or month labels (Asia/Shanghai) a period's series covers. */
export function buckets(period: Period): string[] {
  const out: string[] = [];
  const shift = 8 * 3_600_000;
  const cursor = new Date(period.from.getTime() + shift);
  const end = period.to.getTime() + shift;
  while (cursor.getTime() < end) {
    const y = cursor.getUTCFullYear();
    const m = String(cursor.getUTCMonth() + 1).padStart(2, '0');
    if (period.bucket === 'day') {
      out.push(`${y}-${m}-${String(cursor.getUTCDate()).padStart(2, '0')}`);
      cursor.setUTCDate(cursor.getUTCDate() + 1);
    } else {
      out.push(`${y}-${m}`);
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
  }
  return out;
}
