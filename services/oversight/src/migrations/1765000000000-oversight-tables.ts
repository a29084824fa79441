import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The oversight read model: one fact row per work order, its deadlines, and the kept monthly reports. */
export class OversightTables1765000000000 implements MigrationInterface {
  name = 'OversightTables1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."work_order_fact" (
        "work_order_id" uuid NOT NULL,
        "case_code" character varying(40) NOT NULL,
        "version" integer NOT NULL,
        "status" character varying(32) NOT NULL,
        "service_type" character varying(40) NOT NULL,
        "region_code" character varying(12) NOT NULL,
        "city_code" character(6) NOT NULL,
        "county_code" character(6) NOT NULL,
        "origin_platform" character varying(16) NOT NULL,
        "platform_count" smallint NOT NULL,
        "organisation_id" character varying(64),
        "handler" character varying(32),
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "dispatched_at" TIMESTAMP WITH TIME ZONE,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "routing_fallback" boolean NOT NULL DEFAULT false,
        "supervisor_queue" boolean NOT NULL DEFAULT false,
        "reopen_count" integer NOT NULL DEFAULT 0,
        "duplicate" boolean NOT NULL DEFAULT false,
        "related" boolean NOT NULL DEFAULT false,
        "supervised" boolean NOT NULL DEFAULT false,
        "supervision_resolved" boolean NOT NULL DEFAULT false,
        "evaluation_score" smallint,
        "evaluated_at" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_work_order_fact" PRIMARY KEY ("work_order_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_work_order_fact_received" ON "${s}"."work_order_fact" ("received_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_work_order_fact_city_received" ON "${s}"."work_order_fact" ("city_code", "received_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_work_order_fact_county_received" ON "${s}"."work_order_fact" ("county_code", "received_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}"."deadline_fact" (
        "work_order_id" uuid NOT NULL,
        "kind" character varying(40) NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" character varying(16) NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "region_code" character varying(12) NOT NULL,
        "city_code" character(6) NOT NULL,
        "county_code" character(6) NOT NULL,
        CONSTRAINT "pk_deadline_fact" PRIMARY KEY ("work_order_id", "kind")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_deadline_fact_status_due" ON "${s}"."deadline_fact" ("status", "due_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_deadline_fact_received" ON "${s}"."deadline_fact" ("received_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_deadline_fact_city_received" ON "${s}"."deadline_fact" ("city_code", "received_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_deadline_fact_county_received" ON "${s}"."deadline_fact" ("county_code", "received_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}"."monthly_report" (
        "month" character(7) NOT NULL,
        "region_code" character(6) NOT NULL,
        "pdf" bytea NOT NULL,
        "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_monthly_report" PRIMARY KEY ("month", "region_code")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."monthly_report"`);
    await queryRunner.query(`DROP TABLE "${s}"."deadline_fact"`);
    await queryRunner.query(`DROP TABLE "${s}"."work_order_fact"`);
  }
}
