import type { EntityManager } from 'typeorm';
import { DailyDeadlineRollup, DailyRollup } from '../facts/daily-rollup.entity';
import { DeadlineFact } from '../facts/deadline-fact.entity';
import { tableOf } from '../facts/table-name';
import { WorkOrderFact } from '../facts/work-order-fact.entity';
import { Counts, EMPTY_COUNTS } from './indicator-values';
import type { Period } from './period';

/** How rows are grouped: not at all, by the cities or counties or townships under a region, or by time. */
export type Grouping = 'none' | 'city' | 'county' | 'township' | 'day' | 'month';

/** The SQL condition selecting a region at any level, using the column indexed for that level. */
export function regionCondition(regionCode: string, param: string): string {
  // The parameter is referenced at every level, so PostgreSQL always knows its type.
  if (regionCode === '370000') return `${param}::text = '370000'`;
  if (regionCode.length === 6 && regionCode.endsWith('00')) return `f.city_code = ${param}`;
  if (regionCode.length === 6) return `f.county_code = ${param}`;
  return `f.region_code LIKE ${param} || '%'`;
}

function groupExpression(grouping: Grouping): string {
  switch (grouping) {
    case 'none':
      return `'all'`;
    case 'city':
      return 'f.city_code';
    case 'county':
      return 'f.county_code';
    case 'township':
      return 'left(f.region_code, 9)';
    case 'day':
      return `to_char(f.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
    case 'month':
      return `to_char(f.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
  }
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * Two scans of the read model for a region and period: the work-order facts and their deadlines (which carry the
 * work order's receipt time and regions, so the same condition and grouping apply), grouped as asked. Work orders
 * are counted in the period they were received in.
 */
export async function countFacts(
  manager: EntityManager,
  scope: { period: Period; regionCode: string; grouping: Grouping; now: Date },
): Promise<Map<string, Counts>> {
  // Periods are whole Asia/Shanghai days; the roll-ups hold counties, so a township needs the facts.
  if (scope.regionCode.length === 6 && scope.grouping !== 'township') return countRollups(manager, scope);
  return countFromFacts(manager, scope);
}

/** The counts of countFacts read from the daily roll-ups; only `overdue` (which depends on `now`) from the facts. */
export async function countRollups(
  manager: EntityManager,
  scope: { period: Period; regionCode: string; grouping: Grouping; now: Date },
): Promise<Map<string, Counts>> {
  const g = rollupGroupExpression(scope.grouping);
  const where = `f.day >= ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
    AND f.day < ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AND ${regionCondition(scope.regionCode, '$3')}`;
  const params = [scope.period.from, scope.period.to, scope.regionCode];
  const accepted = (type: string): string => `sum(f.accepted) FILTER (WHERE f.service_type = '${type}')`;
  const rows = await manager.query<Record<string, unknown>[]>(
    `SELECT ${g} AS g,
       sum(f.total) AS total,
       sum(f.total) FILTER (WHERE f.origin_platform = 'hotline') AS hotline,
       sum(f.total) FILTER (WHERE f.origin_platform = 'portal') AS portal,
       sum(f.total) FILTER (WHERE f.origin_platform = 'centre') AS centre,
       ${accepted('legal-aid')} AS legal_aid_accepted,
       sum(f.total) FILTER (WHERE f.service_type = 'duty-lawyer') AS duty_lawyer,
       ${accepted('duty-lawyer')} AS duty_lawyer_accepted,
       sum(f.total) FILTER (WHERE f.service_type = 'notified-defence') AS notified_defence,
       ${accepted('notified-defence')} AS notified_defence_accepted,
       sum(f.dispatch_seconds_sum) / 3600 AS dispatch_hours_sum,
       sum(f.dispatched) AS dispatched,
       sum(f.acceptance_seconds_sum) / 3600 AS acceptance_hours_sum,
       sum(f.accepted) AS accepted,
       sum(f.routing_fallback) AS routing_fallback,
       sum(f.supervisor_queue) AS supervisor_queue,
       sum(f.supervised) AS supervised,
       sum(f.supervision_resolved) AS supervision_resolved,
       sum(f.evaluated) AS evaluated,
       sum(f.good_evaluations) AS good_evaluations,
       sum(f.resolved) AS resolved,
       sum(f.reopened) AS reopened,
       sum(f.total) FILTER (WHERE f.service_type = 'complaint') AS complaints,
       sum(f.duplicates) AS duplicates,
       sum(f.related) AS related
     FROM ${tableOf(manager, DailyRollup)} f WHERE ${where} GROUP BY 1 HAVING sum(f.total) > 0`,
    params,
  );
  const n = (cond: string): string => `sum(f.n) FILTER (WHERE ${cond})`;
  const deadlineRows = await manager.query<Record<string, unknown>[]>(
    `SELECT ${g} AS g,
       ${n(`f.status = 'met'`)} AS met,
       ${n(`f.status = 'breached'`)} AS breached,
       ${n(`f.kind = 'mediation-term' AND f.status = 'met'`)} AS mediation_met,
       ${n(`f.kind = 'mediation-term' AND f.status = 'breached'`)} AS mediation_breached,
       ${n(`f.kind = 'notarization-certificate' AND f.status = 'met'`)} AS notarization_met,
       ${n(`f.kind = 'notarization-certificate' AND f.status = 'breached'`)} AS notarization_breached,
       ${n(`f.kind = 'legal-aid-decision' AND f.status = 'met'`)} AS legal_aid_decision_met,
       ${n(`f.kind = 'legal-aid-decision' AND f.status = 'breached'`)} AS legal_aid_decision_breached
     FROM ${tableOf(manager, DailyDeadlineRollup)} f WHERE ${where} GROUP BY 1 HAVING sum(f.n) > 0`,
    params,
  );
  // Overdue counts running deadlines past `now`, which no roll-up can hold: the facts that are breached or running.
  const overdueRows = await manager.query<Record<string, unknown>[]>(
    `SELECT ${groupExpression(scope.grouping)} AS g, count(DISTINCT f.work_order_id) AS overdue
     FROM ${tableOf(manager, DeadlineFact)} f
     WHERE f.received_at >= $1 AND f.received_at < $2 AND ${regionCondition(scope.regionCode, '$3')}
       AND (f.status = 'breached' OR (f.status = 'running' AND f.due_at < $4))
     GROUP BY 1`,
    [...params, scope.now],
  );
  const out = toCounts(rows, deadlineRows);
  for (const r of overdueRows) {
    const c = out.get(String(r.g)) ?? { ...EMPTY_COUNTS };
    out.set(String(r.g), { ...c, overdue: num(r.overdue) });
  }
  return out;
}

/** Roll-ups keep a day column instead of the receipt instant: days and months group on it, the rest as facts do. */
function rollupGroupExpression(grouping: Grouping): string {
  if (grouping === 'day') return `to_char(f.day, 'YYYY-MM-DD')`;
  if (grouping === 'month') return `to_char(f.day, 'YYYY-MM')`;
  return groupExpression(grouping);
}

/** countFacts computed by scanning the work-order and deadline facts of the period. */
export async function countFromFacts(
  manager: EntityManager,
  scope: { period: Period; regionCode: string; grouping: Grouping; now: Date },
): Promise<Map<string, Counts>> {
  const facts = tableOf(manager, WorkOrderFact);
  const deadlines = tableOf(manager, DeadlineFact);
  const g = groupExpression(scope.grouping);
  const where = `f.received_at >= $1 AND f.received_at < $2 AND ${regionCondition(scope.regionCode, '$3')}`;
  const params = [scope.period.from, scope.period.to, scope.regionCode];
  const rows = await manager.query<Record<string, unknown>[]>(
    `SELECT ${g} AS g,
       count(*) AS total,
       count(*) FILTER (WHERE f.origin_platform = 'hotline') AS hotline,
       count(*) FILTER (WHERE f.origin_platform = 'portal') AS portal,
       count(*) FILTER (WHERE f.origin_platform = 'centre') AS centre,
       count(*) FILTER (WHERE f.service_type = 'legal-aid' AND f.accepted_at IS NOT NULL) AS legal_aid_accepted,
       count(*) FILTER (WHERE f.service_type = 'duty-lawyer') AS duty_lawyer,
       count(*) FILTER (WHERE f.service_type = 'duty-lawyer' AND f.accepted_at IS NOT NULL) AS duty_lawyer_accepted,
       count(*) FILTER (WHERE f.service_type = 'notified-defence') AS notified_defence,
       count(*) FILTER (WHERE f.service_type = 'notified-defence' AND f.accepted_at IS NOT NULL)
         AS notified_defence_accepted,
       sum(extract(epoch FROM f.dispatched_at - f.received_at) / 3600) AS dispatch_hours_sum,
       count(f.dispatched_at) AS dispatched,
       sum(extract(epoch FROM f.accepted_at - f.received_at) / 3600) AS acceptance_hours_sum,
       count(f.accepted_at) AS accepted,
       count(*) FILTER (WHERE f.routing_fallback) AS routing_fallback,
       count(*) FILTER (WHERE f.supervisor_queue) AS supervisor_queue,
       count(*) FILTER (WHERE f.supervised) AS supervised,
       count(*) FILTER (WHERE f.supervised AND f.supervision_resolved) AS supervision_resolved,
       count(f.evaluation_score) AS evaluated,
       count(*) FILTER (WHERE f.evaluation_score >= 4) AS good_evaluations,
       count(f.resolved_at) AS resolved,
       count(*) FILTER (WHERE f.reopen_count > 0) AS reopened,
       count(*) FILTER (WHERE f.service_type = 'complaint') AS complaints,
       count(*) FILTER (WHERE f.duplicate) AS duplicates,
       count(*) FILTER (WHERE f.related) AS related
     FROM ${facts} f WHERE ${where} GROUP BY 1`,
    params,
  );
  const deadlineRows = await manager.query<Record<string, unknown>[]>(
    `SELECT ${g} AS g,
       count(*) FILTER (WHERE f.status = 'met') AS met,
       count(*) FILTER (WHERE f.status = 'breached') AS breached,
       count(DISTINCT f.work_order_id) FILTER (WHERE f.status = 'breached' OR (f.status = 'running' AND f.due_at < $4))
         AS overdue,
       count(*) FILTER (WHERE f.kind = 'mediation-term' AND f.status = 'met') AS mediation_met,
       count(*) FILTER (WHERE f.kind = 'mediation-term' AND f.status = 'breached') AS mediation_breached,
       count(*) FILTER (WHERE f.kind = 'notarization-certificate' AND f.status = 'met') AS notarization_met,
       count(*) FILTER (WHERE f.kind = 'notarization-certificate' AND f.status = 'breached') AS notarization_breached,
       count(*) FILTER (WHERE f.kind = 'legal-aid-decision' AND f.status = 'met') AS legal_aid_decision_met,
       count(*) FILTER (WHERE f.kind = 'legal-aid-decision' AND f.status = 'breached') AS legal_aid_decision_breached
     FROM ${deadlines} f WHERE ${where} GROUP BY 1`,
    [...params, scope.now],
  );
  return toCounts(rows, deadlineRows);
}

function toCounts(rows: Record<string, unknown>[], deadlineRows: Record<string, unknown>[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const r of rows) {
    out.set(String(r.g), {
      ...EMPTY_COUNTS,
      total: num(r.total),
      hotline: num(r.hotline),
      portal: num(r.portal),
      centre: num(r.centre),
      legalAidAccepted: num(r.legal_aid_accepted),
      dutyLawyer: num(r.duty_lawyer),
      dutyLawyerAccepted: num(r.duty_lawyer_accepted),
      notifiedDefence: num(r.notified_defence),
      notifiedDefenceAccepted: num(r.notified_defence_accepted),
      dispatchHoursSum: num(r.dispatch_hours_sum),
      dispatched: num(r.dispatched),
      acceptanceHoursSum: num(r.acceptance_hours_sum),
      accepted: num(r.accepted),
      routingFallback: num(r.routing_fallback),
      supervisorQueue: num(r.supervisor_queue),
      supervised: num(r.supervised),
      supervisionResolved: num(r.supervision_resolved),
      evaluated: num(r.evaluated),
      goodEvaluations: num(r.good_evaluations),
      resolved: num(r.resolved),
      reopened: num(r.reopened),
      complaints: num(r.complaints),
      duplicates: num(r.duplicates),
      related: num(r.related),
    });
  }
  for (const r of deadlineRows) {
    const c = out.get(String(r.g)) ?? { ...EMPTY_COUNTS };
    out.set(String(r.g), {
      ...c,
      deadlinesMet: num(r.met),
      deadlinesBreached: num(r.breached),
      ...(r.overdue === undefined ? {} : { overdue: num(r.overdue) }),
      mediationMet: num(r.mediation_met),
      mediationBreached: num(r.mediation_breached),
      notarizationMet: num(r.notarization_met),
      notarizationBreached: num(r.notarization_breached),
      legalAidDecisionMet: num(r.legal_aid_decision_met),
      legalAidDecisionBreached: num(r.legal_aid_decision_breached),
    });
  }
  return out;
}

/** The SQL condition (on `f`, with deadlines as `EXISTS`) selecting the work orders behind an indicator's numerator. */
export function drillDownCondition(code: string, deadlines: string, nowParam: string): string | undefined {
  const deadline = (cond: string): string =>
    `EXISTS (SELECT 1 FROM ${deadlines} d WHERE d.work_order_id = f.work_order_id AND ${cond})`;
  const conditions: Record<string, string> = {
    intakes: 'TRUE',
    'online-share': `f.origin_platform = 'portal'`,
    'share-hotline': `f.origin_platform = 'hotline'`,
    'share-portal': `f.origin_platform = 'portal'`,
    'share-centre': `f.origin_platform = 'centre'`,
    'legal-aid-per-100k': `f.service_type = 'legal-aid' AND f.accepted_at IS NOT NULL`,
    'duty-lawyer-assigned': `f.service_type = 'duty-lawyer' AND f.accepted_at IS NOT NULL`,
    'notified-defence-assigned': `f.service_type = 'notified-defence' AND f.accepted_at IS NOT NULL`,
    'mediation-on-term': deadline(`d.kind = 'mediation-term' AND d.status = 'met'`),
    'hours-to-dispatch': 'f.dispatched_at IS NOT NULL',
    'hours-to-acceptance': 'f.accepted_at IS NOT NULL',
    'routing-fallback-rate': 'f.routing_fallback',
    'supervisor-queue-rate': 'f.supervisor_queue',
    'deadlines-met': deadline(`d.status = 'met'`),
    overdue: deadline(`(d.status = 'breached' OR (d.status = 'running' AND d.due_at < ${nowParam}))`),
    'supervision-orders': 'f.supervised',
    'supervision-resolved': 'f.supervised AND f.supervision_resolved',
    satisfaction: 'f.evaluation_score >= 4',
    'reopen-rate': 'f.reopen_count > 0',
    'complaint-rate': `f.service_type = 'complaint'`,
    'duplicate-rate': 'f.duplicate',
    'related-rate': 'f.related',
    'notarization-in-term': deadline(`d.kind = 'notarization-certificate' AND d.status = 'met'`),
    'legal-aid-decision-in-term': deadline(`d.kind = 'legal-aid-decision' AND d.status = 'met'`),
  };
  return conditions[code];
}
