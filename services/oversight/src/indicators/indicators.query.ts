import type { EntityManager } from 'typeorm';
import { DailyDeadlineRollup, DailyRollup } from '../facts/daily-rollup.entity';
import { DeadlineFact } from '../facts/deadline-fact.entity';
import { tableOf } from '../facts/table-name';
import { WorkOrderFact } from '../facts/work-order-fact.entity';
import { DEADLINE_MEASURES, DeadlineMeasure, WORK_ORDER_MEASURES, WorkOrderMeasure } from '../facts/fact-measures';
import { RosterCoverageDay } from '../facts/roster-coverage-day.entity';
import { Counts, EMPTY_COUNTS, NUMERATOR_COUNT, OfferCount, RosterCount } from './indicator-values';
import { OfferFact } from '../facts/offer-fact.entity';
import type { Period } from './period';

/**
 * How rows are grouped: not at all, by the cities, counties or townships under a region, by organisation, by service
 * type, or by time.
 */
export type Grouping = 'none' | 'city' | 'county' | 'township' | 'organisation' | 'service-type' | 'day' | 'month';

/** The SQL condition selecting a region at any level, using the column indexed for that level. */
export function regionCondition(regionCode: string, param: string): string {
  // The parameter is referenced at every level, so PostgreSQL always knows its type.
  if (regionCode === '370000') return `${param}::text = '370000'`;
  if (regionCode.length === 6 && regionCode.endsWith('00')) return `f.city_code = ${param}`;
  if (regionCode.length === 6) return `f.county_code = ${param}`;
  return `f.region_code LIKE ${param} || '%'`;
}

/**
 * The group key of a row `f` of the work-order or deadline facts; `workOrders` is the work-order facts' table, which a
 * deadline row (keeping no service type of its own) reads its work order's service type from.
 */
function groupExpression(grouping: Grouping, workOrders: string): string {
  switch (grouping) {
    case 'none':
      return `'all'`;
    case 'city':
      return 'f.city_code';
    case 'county':
      return 'f.county_code';
    case 'township':
      return 'left(f.region_code, 9)';
    case 'organisation':
      return `COALESCE(f.organisation_id, '')`;
    case 'service-type':
      return `COALESCE((SELECT w.service_type FROM ${workOrders} w WHERE w.work_order_id = f.work_order_id), '')`;
    case 'day':
      return `to_char(f.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
    case 'month':
      return `to_char(f.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
  }
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Where a count comes from: a measure of the work-order or deadline facts, optionally filtered on a dimension. */
type CountSource =
  | { table: 'work-order'; measure: WorkOrderMeasure; where?: (t: string) => string; divideBy?: number }
  | { table: 'deadline'; measure: DeadlineMeasure; where: (t: string) => string };

const wo = (measure: WorkOrderMeasure, where?: (t: string) => string, divideBy?: number): CountSource => ({
  table: 'work-order',
  measure,
  where,
  divideBy,
});
const dl = (where: (t: string) => string): CountSource => ({ table: 'deadline', measure: 'n', where });
const platform = (p: string) => (t: string) => `${t}.origin_platform = '${p}'`;
const type = (st: string) => (t: string) => `${t}.service_type = '${st}'`;
const status = (st: string) => (t: string) => `${t}.status = '${st}'`;
const kindStatus = (k: string, st: string) => (t: string) => `${t}.kind = '${k}' AND ${t}.status = '${st}'`;

/**
 * Every count of `Counts` but `overdue` (which depends on the time of asking) and the roster's (rosterCounts), defined once over the measures of
 * fact-measures.ts: the fact scan sums each measure's contribution, the roll-up scan sums its column, both with the
 * same filter; the drill-down selects the work orders that contribute.
 */
export const COUNT_SOURCES: Readonly<Record<Exclude<keyof Counts, 'overdue' | RosterCount | OfferCount>, CountSource>> =
  {
    total: wo('total'),
    hotline: wo('total', platform('hotline')),
    portal: wo('total', platform('portal')),
    centre: wo('total', platform('centre')),
    legalAidAccepted: wo('accepted', type('legal-aid')),
    dutyLawyer: wo('total', type('duty-lawyer')),
    dutyLawyerAccepted: wo('accepted', type('duty-lawyer')),
    notifiedDefence: wo('total', type('notified-defence')),
    notifiedDefenceAccepted: wo('accepted', type('notified-defence')),
    dispatchHoursSum: wo('dispatch_seconds_sum', undefined, 3600),
    dispatched: wo('dispatched'),
    acceptanceHoursSum: wo('acceptance_seconds_sum', undefined, 3600),
    accepted: wo('accepted'),
    routingFallback: wo('routing_fallback'),
    supervisorQueue: wo('supervisor_queue'),
    supervised: wo('supervised'),
    supervisionResolved: wo('supervision_resolved'),
    evaluated: wo('evaluated'),
    goodEvaluations: wo('good_evaluations'),
    resolved: wo('resolved'),
    reopened: wo('reopened'),
    complaints: wo('total', type('complaint')),
    duplicates: wo('duplicates'),
    related: wo('related'),
    registered: wo('registered'),
    registrationMinutesSum: wo('registration_seconds_sum', undefined, 60),
    aidGranted: wo('aid_granted'),
    aidDenied: wo('aid_denied'),
    aidExempt: wo('aid_exempt'),
    mediationEnded: wo('mediation_ended'),
    mediationAgreements: wo('mediation_agreements'),
    agreementsConfirmed: wo('agreements_confirmed'),
    callbacksCompleted: wo('callbacks_completed'),
    callbacksOnTime: wo('callbacks_on_time'),
    deadlinesMet: dl(status('met')),
    deadlinesBreached: dl(status('breached')),
    mediationMet: dl(kindStatus('mediation-term', 'met')),
    mediationBreached: dl(kindStatus('mediation-term', 'breached')),
    notarizationMet: dl(kindStatus('notarization-certificate', 'met')),
    notarizationBreached: dl(kindStatus('notarization-certificate', 'breached')),
    legalAidDecisionMet: dl(kindStatus('legal-aid-decision', 'met')),
    legalAidDecisionBreached: dl(kindStatus('legal-aid-decision', 'breached')),
  };

const SOURCES = Object.entries(COUNT_SOURCES) as [
  Exclude<keyof Counts, 'overdue' | RosterCount | OfferCount>,
  CountSource,
][];

/** A running deadline past `now`, or a breached one: what `overdue` counts (never rolled up: it moves with now). */
const overdueCondition = (t: string, nowParam: string): string =>
  `(${t}.status = 'breached' OR (${t}.status = 'running' AND ${t}.due_at < ${nowParam}))`;

/** The select list of one scan: each count of `table`, summed from the facts' contributions or the roll-up columns. */
function selectList(table: CountSource['table'], from: 'facts' | 'rollups'): string {
  return SOURCES.filter(([, src]) => src.table === table)
    .map(([key, src]) => {
      const measure =
        from === 'rollups'
          ? `f.${src.measure}`
          : src.table === 'work-order'
            ? WORK_ORDER_MEASURES[src.measure]('f')
            : DEADLINE_MEASURES[src.measure]();
      const filter = src.where ? ` FILTER (WHERE ${src.where('f')})` : '';
      const scale = src.table === 'work-order' && src.divideBy ? ` / ${src.divideBy}` : '';
      return `sum(${measure})${filter}${scale} AS "${key}"`;
    })
    .join(',\n       ');
}

interface Scope {
  period: Period;
  regionCode: string;
  grouping: Grouping;
  now: Date;
}

/**
 * The counts for a region and period, grouped as asked. Work orders are counted in the period they were received
 * in. Whole-day periods of the province, a city or a county read the daily roll-ups; townships and organisations
 * and service types (the deadline roll-up keys neither) read the facts. Both paths are generated from COUNT_SOURCES, so they agree.
 */
export async function countFacts(manager: EntityManager, scope: Scope): Promise<Map<string, Counts>> {
  const rollups = scope.regionCode.length === 6 && !FACT_ONLY_GROUPINGS.includes(scope.grouping);
  return count(manager, scope, rollups ? 'rollups' : 'facts');
}

const FACT_ONLY_GROUPINGS: readonly Grouping[] = ['township', 'organisation', 'service-type'];

/** countFacts read from the daily roll-ups (only `overdue` from the deadline facts). */
export async function countRollups(manager: EntityManager, scope: Scope): Promise<Map<string, Counts>> {
  return count(manager, scope, 'rollups');
}

/** countFacts computed by scanning the work-order and deadline facts of the period. */
export async function countFromFacts(manager: EntityManager, scope: Scope): Promise<Map<string, Counts>> {
  return count(manager, scope, 'facts');
}

async function count(manager: EntityManager, scope: Scope, from: 'facts' | 'rollups'): Promise<Map<string, Counts>> {
  const params = [scope.period.from, scope.period.to, scope.regionCode];
  const workOrderFacts = tableOf(manager, WorkOrderFact);
  const region = regionCondition(scope.regionCode, '$3');
  const factWhere = `f.received_at >= $1 AND f.received_at < $2 AND ${region}`;
  const [workOrders, deadlines, where, g] =
    from === 'rollups'
      ? [
          tableOf(manager, DailyRollup),
          tableOf(manager, DailyDeadlineRollup),
          `f.day >= ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
           AND f.day < ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AND ${region}`,
          rollupGroupExpression(scope.grouping, workOrderFacts),
        ]
      : [workOrderFacts, tableOf(manager, DeadlineFact), factWhere, groupExpression(scope.grouping, workOrderFacts)];
  // A roll-up row can sum to nothing (its facts moved away); a group of facts always holds one.
  const having = (column: string): string => (from === 'rollups' ? ` HAVING sum(f.${column}) > 0` : '');
  const rows = await manager.query<Record<string, unknown>[]>(
    `SELECT ${g} AS g, ${selectList('work-order', from)}
     FROM ${workOrders} f WHERE ${where} GROUP BY 1${having('total')}`,
    params,
  );
  const deadlineRows = await manager.query<Record<string, unknown>[]>(
    `SELECT ${g} AS g, ${selectList('deadline', from)}
     FROM ${deadlines} f WHERE ${where} GROUP BY 1${having('n')}`,
    params,
  );
  const overdueRows = await manager.query<Record<string, unknown>[]>(
    `SELECT ${groupExpression(scope.grouping, workOrderFacts)} AS g, count(DISTINCT f.work_order_id) AS overdue
     FROM ${tableOf(manager, DeadlineFact)} f WHERE ${factWhere} AND ${overdueCondition('f', '$4')}
     GROUP BY 1`,
    [...params, scope.now],
  );
  const out = new Map<string, Counts>();
  const at = (key: unknown): Counts => {
    const found = out.get(String(key));
    if (found) return found;
    const fresh = { ...EMPTY_COUNTS };
    out.set(String(key), fresh);
    return fresh;
  };
  for (const r of [...rows, ...deadlineRows]) {
    const c = at(r.g);
    for (const [key] of SOURCES) if (key in r) c[key] = num(r[key]);
  }
  for (const r of overdueRows) at(r.g).overdue = num(r.overdue);
  for (const r of await rosterCounts(manager, scope)) {
    const c = at(r.g);
    c.rosterCoveredMinutes = num(r.covered);
    c.rosterMinutes = num(r.minutes);
  }
  for (const r of await offerCounts(manager, scope)) {
    const c = at(r.g);
    c.offersEnded = num(r.ended);
    c.offersAnswerable = num(r.answerable);
    c.offersAccepted = num(r.accepted);
    c.offersExpired = num(r.expired);
    c.offerAcceptanceMinutesMedian = num(r.median);
  }
  return out;
}

/** The group key of an offer fact `f`: as groupExpression, the organisation being the one offered, times the offer's. */
function offerGroupExpression(grouping: Grouping): string {
  switch (grouping) {
    case 'organisation':
      return `COALESCE(f.organisation_id, '')`;
    case 'service-type':
      return 'f.service_type';
    case 'day':
      return `to_char(f.offered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
    case 'month':
      return `to_char(f.offered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
    case 'none':
    case 'city':
    case 'county':
    case 'township':
      return groupExpression(grouping, '');
  }
}

/** The offer counts of the offers made in the period (one row per offer in offer_fact), grouped as asked. */
async function offerCounts(
  manager: EntityManager,
  scope: Scope,
): Promise<{ g: string; ended: string; answerable: string; accepted: string; expired: string; median: string }[]> {
  return manager.query(
    `SELECT ${offerGroupExpression(scope.grouping)} AS g, count(f.outcome) AS ended,
       count(*) FILTER (WHERE f.outcome IN ('accepted', 'rejected', 'expired')) AS answerable,
       count(*) FILTER (WHERE f.outcome = 'accepted') AS accepted,
       count(*) FILTER (WHERE f.outcome = 'expired') AS expired,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.decided_at - f.offered_at) / 60)
         FILTER (WHERE f.outcome = 'accepted') AS median
     FROM ${tableOf(manager, OfferFact)} f
     WHERE f.offered_at >= $1 AND f.offered_at < $2 AND ${regionCondition(scope.regionCode, '$3')}
     GROUP BY 1`,
    [scope.period.from, scope.period.to, scope.regionCode],
  );
}

/**
 * The hotline roster's covered minutes and the minutes of the period's Asia/Shanghai days, for the province as a
 * whole or by day or month (the roster is province-wide: no city, county, organisation or service type has its own).
 * A day the hotline published no coverage of counts as uncovered: a day no shift touched is never published.
 */
async function rosterCounts(
  manager: EntityManager,
  scope: Scope,
): Promise<{ g: string; covered: string; minutes: string }[]> {
  if (scope.regionCode !== '370000') return [];
  const g =
    scope.grouping === 'none'
      ? `'all'`
      : scope.grouping === 'day'
        ? `to_char(d.day, 'YYYY-MM-DD')`
        : scope.grouping === 'month'
          ? `to_char(d.day, 'YYYY-MM')`
          : undefined;
  if (!g) return [];
  return manager.query(
    `SELECT ${g} AS g, sum(COALESCE(r.covered_minutes, 0)) AS covered, count(*) * 1440 AS minutes
     FROM generate_series(($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date,
                          ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 1, interval '1 day') AS d(day)
     LEFT JOIN ${tableOf(manager, RosterCoverageDay)} r ON r.day = d.day::date
     GROUP BY 1`,
    [scope.period.from, scope.period.to],
  );
}

/** Roll-ups keep a day column instead of the receipt instant: days and months group on it, the rest as facts do. */
function rollupGroupExpression(grouping: Grouping, workOrders: string): string {
  if (grouping === 'day') return `to_char(f.day, 'YYYY-MM-DD')`;
  if (grouping === 'month') return `to_char(f.day, 'YYYY-MM')`;
  return groupExpression(grouping, workOrders);
}

/**
 * The SQL condition (on `f`, with deadlines as `EXISTS`) selecting the work orders behind an indicator's numerator:
 * those contributing to its count in COUNT_SOURCES; undefined for an indicator the stream cannot measure.
 */
export function drillDownCondition(
  code: string,
  tables: { deadlines: string; offers: string },
  nowParam: string,
): string | undefined {
  const deadlines = tables.deadlines;
  const key = NUMERATOR_COUNT[code];
  if (!key) return undefined;
  const exists = (cond: string): string =>
    `EXISTS (SELECT 1 FROM ${deadlines} d WHERE d.work_order_id = f.work_order_id AND ${cond})`;
  if (key === 'overdue') return exists(overdueCondition('d', nowParam));
  // Roster minutes are no work orders' (no indicator's numerator today; kept out should one become one).
  if (key === 'rosterCoveredMinutes' || key === 'rosterMinutes') return undefined;
  // Offers: the work orders (received in the period) with an offer of that outcome made in the period ($1..$2).
  if (key === 'offersAccepted' || key === 'offersExpired') {
    const outcome = key === 'offersAccepted' ? 'accepted' : 'expired';
    return `EXISTS (SELECT 1 FROM ${tables.offers} o WHERE o.work_order_id = f.work_order_id
      AND o.outcome = '${outcome}' AND o.offered_at >= $1 AND o.offered_at < $2)`;
  }
  if (key === 'offersEnded' || key === 'offersAnswerable' || key === 'offerAcceptanceMinutesMedian') return undefined;
  const src = COUNT_SOURCES[key];
  if (src.table === 'deadline') return exists(src.where('d'));
  const contributes = `${WORK_ORDER_MEASURES[src.measure]('f')} > 0`;
  return src.where ? `${contributes} AND ${src.where('f')}` : contributes;
}
