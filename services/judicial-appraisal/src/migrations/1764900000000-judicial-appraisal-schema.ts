import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@legal/persistence';

/** Institutions, appraisers, entrustments, their history, opinions and the opinion counter. */
export class JudicialAppraisalSchema1764900000000 implements MigrationInterface {
  name = 'JudicialAppraisalSchema1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."appraisal_institution" (
        "code" varchar(9) NOT NULL,
        "organisation_id" varchar(64) NOT NULL,
        "name" varchar(200) NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "categories" text array NOT NULL,
        "head_subject" varchar(64) NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_appraisal_institution" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_appraisal_institution_organisation_id"
       ON "${s}"."appraisal_institution" ("organisation_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}"."appraiser" (
        "id" uuid NOT NULL,
        "institution_code" varchar(9) NOT NULL,
        "name" varchar(100) NOT NULL,
        "licence_number" varchar(32) NOT NULL,
        "categories" text array NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_appraiser" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_appraiser_institution_code" ON "${s}"."appraiser" ("institution_code")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_appraiser_licence_number" ON "${s}"."appraiser" ("licence_number")`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}"."entrustment" (
        "id" uuid NOT NULL,
        "offer_id" uuid,
        "work_order_id" uuid,
        "case_code" varchar(40),
        "institution_code" varchar(9) NOT NULL,
        "institution_name" varchar(200) NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "party_kind" varchar(16) NOT NULL,
        "party_name" varchar(200) NOT NULL,
        "court_case_number" varchar(64),
        "legal_aid_case_code" varchar(40),
        "category" varchar(32) NOT NULL,
        "matter" varchar(2000) NOT NULL,
        "by_letter" boolean NOT NULL,
        "complexity" varchar(16) NOT NULL,
        "agreed_acceptance_working_days" integer,
        "status" varchar(16) NOT NULL,
        "received_at" timestamptz NOT NULL,
        "received_by" varchar(64) NOT NULL,
        "acceptance_due_at" timestamptz NOT NULL,
        "acceptance_explanation" text NOT NULL,
        "decided_at" timestamptz,
        "decided_by" varchar(64),
        "decision_timeliness" varchar(16),
        "decision_explanation" varchar(2000),
        "decline_reason_code" varchar(48),
        "agreement_at" timestamptz,
        "appraisers" jsonb NOT NULL DEFAULT '[]',
        "appraisers_explanation" varchar(1000),
        "term_pauses" jsonb NOT NULL DEFAULT '[]',
        "term_extension" jsonb,
        "term_due_at" timestamptz,
        "term_explanation" text,
        "opinion_code" varchar(32),
        "opinion_issued_at" timestamptz,
        "correlation_id" varchar(128),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_entrustment" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_entrustment_offer_id" ON "${s}"."entrustment" ("offer_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_entrustment_institution_status" ON "${s}"."entrustment" ("institution_code", "status")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_entrustment_work_order_id" ON "${s}"."entrustment" ("work_order_id")`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."entrustment_history" (
        "id" BIGSERIAL NOT NULL,
        "entrustment_id" uuid NOT NULL,
        "step" varchar(64) NOT NULL,
        "actor_id" varchar(64) NOT NULL,
        "detail" varchar(2000) NOT NULL,
        "at" timestamptz NOT NULL,
        CONSTRAINT "pk_entrustment_history" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_entrustment_history_entrustment_id" ON "${s}"."entrustment_history" ("entrustment_id", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}"."appraisal_opinion" (
        "code" varchar(32) NOT NULL,
        "entrustment_id" uuid NOT NULL,
        "institution_code" varchar(9) NOT NULL,
        "institution_name" varchar(200) NOT NULL,
        "year" integer NOT NULL,
        "serial" integer NOT NULL,
        "category" varchar(32) NOT NULL,
        "issued_at" timestamptz NOT NULL,
        "issued_by" varchar(64) NOT NULL,
        CONSTRAINT "pk_appraisal_opinion" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_appraisal_opinion_entrustment_id" ON "${s}"."appraisal_opinion" ("entrustment_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}"."opinion_counter" (
        "institution_code" varchar(9) NOT NULL,
        "year" integer NOT NULL,
        "last_serial" integer NOT NULL,
        CONSTRAINT "pk_opinion_counter" PRIMARY KEY ("institution_code", "year")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const tables = ['opinion_counter', 'appraisal_opinion', 'entrustment_history', 'entrustment', 'appraiser'];
    for (const table of [...tables, 'appraisal_institution']) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
