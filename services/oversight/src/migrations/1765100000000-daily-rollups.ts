import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTERS = [
  'total',
  'dispatched',
  'accepted',
  'routing_fallback',
  'supervisor_queue',
  'supervised',
  'supervision_resolved',
  'evaluated',
  'good_evaluations',
  'resolved',
  'reopened',
  'duplicates',
  'related',
];

/** The contribution of one work_order_fact row `r` to its roll-up counters, in COUNTERS' order plus the two sums. */
const CONTRIBUTION = [
  '1',
  '(r.dispatched_at IS NOT NULL)::int',
  '(r.accepted_at IS NOT NULL)::int',
  'r.routing_fallback::int',
  'r.supervisor_queue::int',
  'r.supervised::int',
  '(r.supervised AND r.supervision_resolved)::int',
  '(r.evaluation_score IS NOT NULL)::int',
  'COALESCE(r.evaluation_score >= 4, false)::int',
  '(r.resolved_at IS NOT NULL)::int',
  '(r.reopen_count > 0)::int',
  'r.duplicate::int',
  'r.related::int',
];

/**
 * The roll-ups of the facts kept in schema `s`, one INSERT ... SELECT GROUP BY per roll-up table (for facts written
 * while the triggers did not run: before this migration, or a bulk load with the triggers disabled).
 */
export function rollupFillSql(s: string): string[] {
  const cols = COUNTERS.map((c) => `"${c}"`).join(', ');
  return [
    `INSERT INTO "${s}"."daily_rollup" ("day", "county_code", "origin_platform", "service_type", "organisation_id",
        "city_code", ${cols}, "dispatch_seconds_sum", "acceptance_seconds_sum")
      SELECT (r.received_at AT TIME ZONE 'Asia/Shanghai')::date, r.county_code, r.origin_platform, r.service_type,
        COALESCE(r.organisation_id, ''), min(r.city_code), ${CONTRIBUTION.map((v) => `sum(${v})`).join(', ')},
        COALESCE(sum(extract(epoch FROM r.dispatched_at - r.received_at)), 0),
        COALESCE(sum(extract(epoch FROM r.accepted_at - r.received_at)), 0)
      FROM "${s}"."work_order_fact" r GROUP BY 1, 2, 3, 4, 5`,
    `INSERT INTO "${s}"."daily_deadline_rollup" ("day", "county_code", "kind", "status", "city_code", "n")
      SELECT (r.received_at AT TIME ZONE 'Asia/Shanghai')::date, r.county_code, r.kind, r.status, min(r.city_code),
        count(*)
      FROM "${s}"."deadline_fact" r GROUP BY 1, 2, 3, 4`,
  ];
}

/**
 * Daily roll-ups of the facts per county, platform, service type and organisation (and of the deadlines per county,
 * kind and status), kept by row triggers in the fact change's own transaction: an update subtracts the old row's
 * contribution and adds the new one, so replays that leave a fact unchanged leave the roll-ups unchanged.
 */
export class DailyRollups1765100000000 implements MigrationInterface {
  name = 'DailyRollups1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const counters = COUNTERS.map((c) => `"${c}" integer NOT NULL DEFAULT 0`).join(',\n        ');
    await queryRunner.query(`
      CREATE TABLE "${s}"."daily_rollup" (
        "day" date NOT NULL,
        "county_code" character(6) NOT NULL,
        "origin_platform" character varying(16) NOT NULL,
        "service_type" character varying(40) NOT NULL,
        "organisation_id" character varying(64) NOT NULL,
        "city_code" character(6) NOT NULL,
        ${counters},
        "dispatch_seconds_sum" numeric NOT NULL DEFAULT 0,
        "acceptance_seconds_sum" numeric NOT NULL DEFAULT 0,
        CONSTRAINT "pk_daily_rollup"
          PRIMARY KEY ("day", "county_code", "origin_platform", "service_type", "organisation_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_daily_rollup_city_day" ON "${s}"."daily_rollup" ("city_code", "day")`);
    await queryRunner.query(
      `CREATE INDEX "ix_daily_rollup_county_day" ON "${s}"."daily_rollup" ("county_code", "day")`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}"."daily_deadline_rollup" (
        "day" date NOT NULL,
        "county_code" character(6) NOT NULL,
        "kind" character varying(40) NOT NULL,
        "status" character varying(16) NOT NULL,
        "city_code" character(6) NOT NULL,
        "n" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_daily_deadline_rollup" PRIMARY KEY ("day", "county_code", "kind", "status")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_daily_deadline_rollup_city_day" ON "${s}"."daily_deadline_rollup" ("city_code", "day")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_daily_deadline_rollup_county_day" ON "${s}"."daily_deadline_rollup" ("county_code", "day")`,
    );
    const cols = COUNTERS.map((c) => `"${c}"`).join(', ');
    const adds = COUNTERS.map((c) => `"${c}" = r0."${c}" + EXCLUDED."${c}"`).join(', ');
    const values = CONTRIBUTION.map((v) => `sign * ${v}`).join(', ');
    await queryRunner.query(`
      CREATE FUNCTION "${s}"."work_order_fact_rollup_add"(r "${s}"."work_order_fact", sign integer) RETURNS void
      LANGUAGE sql AS $fn$
        INSERT INTO "${s}"."daily_rollup" AS r0 ("day", "county_code", "origin_platform", "service_type",
          "organisation_id", "city_code", ${cols}, "dispatch_seconds_sum", "acceptance_seconds_sum")
        VALUES ((r.received_at AT TIME ZONE 'Asia/Shanghai')::date, r.county_code, r.origin_platform, r.service_type,
          COALESCE(r.organisation_id, ''), r.city_code, ${values},
          sign * COALESCE(extract(epoch FROM r.dispatched_at - r.received_at), 0),
          sign * COALESCE(extract(epoch FROM r.accepted_at - r.received_at), 0))
        ON CONFLICT ("day", "county_code", "origin_platform", "service_type", "organisation_id") DO UPDATE SET
          ${adds},
          "dispatch_seconds_sum" = r0."dispatch_seconds_sum" + EXCLUDED."dispatch_seconds_sum",
          "acceptance_seconds_sum" = r0."acceptance_seconds_sum" + EXCLUDED."acceptance_seconds_sum"
      $fn$`);
    await queryRunner.query(`
      CREATE FUNCTION "${s}"."work_order_fact_rollup"() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "${s}"."work_order_fact_rollup_add"(OLD, -1); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "${s}"."work_order_fact_rollup_add"(NEW, 1); END IF;
        RETURN NULL;
      END $fn$`);
    await queryRunner.query(`
      CREATE TRIGGER "work_order_fact_rollup" AFTER INSERT OR UPDATE OR DELETE ON "${s}"."work_order_fact"
      FOR EACH ROW EXECUTE FUNCTION "${s}"."work_order_fact_rollup"()`);
    await queryRunner.query(`
      CREATE FUNCTION "${s}"."deadline_fact_rollup_add"(r "${s}"."deadline_fact", sign integer) RETURNS void
      LANGUAGE sql AS $fn$
        INSERT INTO "${s}"."daily_deadline_rollup" AS r0 ("day", "county_code", "kind", "status", "city_code", "n")
        VALUES ((r.received_at AT TIME ZONE 'Asia/Shanghai')::date, r.county_code, r.kind, r.status, r.city_code, sign)
        ON CONFLICT ("day", "county_code", "kind", "status") DO UPDATE SET "n" = r0."n" + EXCLUDED."n"
      $fn$`);
    await queryRunner.query(`
      CREATE FUNCTION "${s}"."deadline_fact_rollup"() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "${s}"."deadline_fact_rollup_add"(OLD, -1); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "${s}"."deadline_fact_rollup_add"(NEW, 1); END IF;
        RETURN NULL;
      END $fn$`);
    await queryRunner.query(`
      CREATE TRIGGER "deadline_fact_rollup" AFTER INSERT OR UPDATE OR DELETE ON "${s}"."deadline_fact"
      FOR EACH ROW EXECUTE FUNCTION "${s}"."deadline_fact_rollup"()`);
    // Facts already kept before this migration: one INSERT ... SELECT GROUP BY each.
    for (const sql of rollupFillSql(s)) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TRIGGER "deadline_fact_rollup" ON "${s}"."deadline_fact"`);
    await queryRunner.query(`DROP TRIGGER "work_order_fact_rollup" ON "${s}"."work_order_fact"`);
    await queryRunner.query(`DROP FUNCTION "${s}"."deadline_fact_rollup"()`);
    await queryRunner.query(`DROP FUNCTION "${s}"."work_order_fact_rollup"()`);
    await queryRunner.query(`DROP FUNCTION "${s}"."deadline_fact_rollup_add"("${s}"."deadline_fact", integer)`);
    await queryRunner.query(`DROP FUNCTION "${s}"."work_order_fact_rollup_add"("${s}"."work_order_fact", integer)`);
    await queryRunner.query(`DROP TABLE "${s}"."daily_deadline_rollup"`);
    await queryRunner.query(`DROP TABLE "${s}"."daily_rollup"`);
  }
}
