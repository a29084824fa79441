/**
 * The one definition of what oversight counts. A measure is a roll-up column and the contribution one fact row makes
 * to it (an SQL expression over the row's alias). From it come the roll-up triggers and fills (migrations), the
 * roll-up queries (sum of the column) and the fact queries (sum of the contribution), so both query paths count
 * alike by construction and a new figure is added here once.
 */
export type Contribution = (row: string) => string;
// Each contribution is a number, never NULL (a comparison with a NULL column is wrapped in COALESCE): the roll-up
// columns are NOT NULL, and a NULL would also drop out of the facts' sums.

/** Measures of `work_order_fact`, summed per day, county, platform, service type and organisation in `daily_rollup`. */
export const WORK_ORDER_MEASURES = {
  total: () => '1',
  dispatched: (r) => `(${r}.dispatched_at IS NOT NULL)::int`,
  accepted: (r) => `(${r}.accepted_at IS NOT NULL)::int`,
  routing_fallback: (r) => `${r}.routing_fallback::int`,
  supervisor_queue: (r) => `${r}.supervisor_queue::int`,
  supervised: (r) => `${r}.supervised::int`,
  supervision_resolved: (r) => `(${r}.supervised AND ${r}.supervision_resolved)::int`,
  evaluated: (r) => `(${r}.evaluation_score IS NOT NULL)::int`,
  good_evaluations: (r) => `COALESCE(${r}.evaluation_score >= 4, false)::int`,
  resolved: (r) => `(${r}.resolved_at IS NOT NULL)::int`,
  reopened: (r) => `(${r}.reopen_count > 0)::int`,
  duplicates: (r) => `${r}.duplicate::int`,
  related: (r) => `${r}.related::int`,
  registered: (r) => `(${r}.registered_at IS NOT NULL)::int`,
  aid_granted: (r) => `COALESCE(${r}.aid_decision = 'granted', false)::int`,
  aid_denied: (r) => `COALESCE(${r}.aid_decision = 'denied', false)::int`,
  aid_exempt: (r) => `COALESCE(${r}.aid_decision = 'granted' AND ${r}.exempt_category IS NOT NULL, false)::int`,
  mediation_ended: (r) => `(${r}.mediation_outcome IS NOT NULL)::int`,
  mediation_agreements: (r) => `COALESCE(${r}.mediation_outcome = 'agreement-reached', false)::int`,
  agreements_confirmed: (r) =>
    `COALESCE(${r}.mediation_outcome = 'agreement-reached' AND ${r}.judicial_confirmation = 'confirmed', false)::int`,
  callbacks_completed: (r) => `${r}.callbacks_completed`,
  callbacks_on_time: (r) => `${r}.callbacks_on_time`,
  dispatch_seconds_sum: (r) => `COALESCE(extract(epoch FROM ${r}.dispatched_at - ${r}.received_at), 0)`,
  acceptance_seconds_sum: (r) => `COALESCE(extract(epoch FROM ${r}.accepted_at - ${r}.received_at), 0)`,
  registration_seconds_sum: (r) => `COALESCE(extract(epoch FROM ${r}.registered_at - ${r}.received_at), 0)`,
} satisfies Record<string, Contribution>;

export type WorkOrderMeasure = keyof typeof WORK_ORDER_MEASURES;

/** Measures of `deadline_fact`, counted per day, county, kind and status in `daily_deadline_rollup`. */
export const DEADLINE_MEASURES = { n: () => '1' } satisfies Record<string, Contribution>;

export type DeadlineMeasure = keyof typeof DEADLINE_MEASURES;

/** Sums of seconds are numeric columns; the rest are integer counters. */
const isSum = (m: string): boolean => m.endsWith('_sum');

/** The column definition of a work-order measure in `daily_rollup`. */
export function measureColumnSql(m: WorkOrderMeasure): string {
  return `"${m}" ${isSum(m) ? 'numeric' : 'integer'} NOT NULL DEFAULT 0`;
}

/** The day of receipt (Asia/Shanghai) of fact row `r`: the roll-ups' day column. */
const day = (r: string): string => `(${r}.received_at AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * `work_order_fact_rollup_add(r, sign)`, the function the row trigger calls with the old row (-1) and the new one
 * (+1), over the given measures (a migration names the columns that exist when it runs).
 */
export function workOrderRollupFunctionSql(s: string, measures: readonly WorkOrderMeasure[]): string {
  const cols = measures.map((m) => `"${m}"`).join(', ');
  const values = measures.map((m) => `sign * ${WORK_ORDER_MEASURES[m]('r')}`).join(', ');
  const adds = measures.map((m) => `"${m}" = r0."${m}" + EXCLUDED."${m}"`).join(', ');
  return `
    CREATE OR REPLACE FUNCTION "${s}"."work_order_fact_rollup_add"(r "${s}"."work_order_fact", sign integer)
    RETURNS void LANGUAGE sql AS $fn$
      INSERT INTO "${s}"."daily_rollup" AS r0 ("day", "county_code", "origin_platform", "service_type",
        "organisation_id", "city_code", ${cols})
      VALUES (${day('r')}, r.county_code, r.origin_platform, r.service_type, COALESCE(r.organisation_id, ''),
        r.city_code, ${values})
      ON CONFLICT ("day", "county_code", "origin_platform", "service_type", "organisation_id") DO UPDATE SET ${adds}
    $fn$`;
}

/**
 * The roll-ups of the facts kept in schema `s`, one INSERT ... SELECT GROUP BY per roll-up table, over every
 * measure: for facts written while the triggers did not run (a bulk load with the triggers disabled).
 */
export function rollupFillSql(s: string): string[] {
  const measures = Object.keys(WORK_ORDER_MEASURES) as WorkOrderMeasure[];
  const sums = measures.map((m) => `sum(${WORK_ORDER_MEASURES[m]('r')})`).join(', ');
  return [
    `INSERT INTO "${s}"."daily_rollup" ("day", "county_code", "origin_platform", "service_type", "organisation_id",
        "city_code", ${measures.map((m) => `"${m}"`).join(', ')})
      SELECT ${day('r')}, r.county_code, r.origin_platform, r.service_type, COALESCE(r.organisation_id, ''),
        min(r.city_code), ${sums}
      FROM "${s}"."work_order_fact" r GROUP BY 1, 2, 3, 4, 5`,
    `INSERT INTO "${s}"."daily_deadline_rollup" ("day", "county_code", "kind", "status", "city_code", "n")
      SELECT ${day('r')}, r.county_code, r.kind, r.status, min(r.city_code), count(*)
      FROM "${s}"."deadline_fact" r GROUP BY 1, 2, 3, 4`,
  ];
}
