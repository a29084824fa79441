import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@legal/persistence';

/** Offers, matter catalogue, offices, certificate counters, applications, materials, notices, history. */
export class NotarizationSchema1764330000000 implements MigrationInterface {
  name = 'NotarizationSchema1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."offer" (
        "id" uuid NOT NULL,
        "work_order_id" uuid NOT NULL,
        "case_code" varchar(40) NOT NULL,
        "organisation_id" varchar(64) NOT NULL,
        "organisation_name" varchar(200) NOT NULL,
        "organisation_region_code" varchar(12) NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "service_type" varchar(40) NOT NULL,
        "description" text NOT NULL,
        "urgency" varchar(16) NOT NULL,
        "vulnerable_group" boolean NOT NULL,
        "applicant_sealed" text,
        "applicant_phone_hash" varchar(64),
        "applicant_id_card_hash" varchar(64),
        "origin_platform" varchar(16) NOT NULL,
        "received_at" timestamptz NOT NULL,
        "offered_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "attempt" integer NOT NULL,
        "status" varchar(16) NOT NULL,
        "decided_at" timestamptz,
        "decided_by" varchar(64),
        "rejection_reason_code" varchar(32),
        "rejection_reason" varchar(1000),
        "withdrawal_reason" varchar(16),
        "dispatch_event_id" varchar(128) NOT NULL,
        "correlation_id" varchar(128),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_offer" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_offer_status_expires_at" ON "${s}"."offer" ("status", "expires_at")`);
    await queryRunner.query(`CREATE INDEX "ix_offer_work_order_id" ON "${s}"."offer" ("work_order_id")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."matter" (
        "code" varchar(40) NOT NULL,
        "name_zh" varchar(100) NOT NULL,
        "name_en" varchar(100) NOT NULL,
        "fee_fen" integer NOT NULL,
        "fee_note" varchar(500),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_matter" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."matter_material" (
        "matter_code" varchar(40) NOT NULL,
        "code" varchar(64) NOT NULL,
        "label" varchar(200) NOT NULL,
        "commitment_allowed" boolean NOT NULL,
        "sort_order" integer NOT NULL,
        CONSTRAINT "pk_matter_material" PRIMARY KEY ("matter_code", "code"),
        CONSTRAINT "fk_matter_material_matter" FOREIGN KEY ("matter_code") REFERENCES "${s}"."matter" ("code") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."notary_office" (
        "organisation_id" varchar(64) NOT NULL,
        "name" varchar(200) NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "certificate_prefix" varchar(20) NOT NULL,
        "max_open_applications" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_notary_office" PRIMARY KEY ("organisation_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."certificate_counter" (
        "organisation_id" varchar(64) NOT NULL,
        "year" integer NOT NULL,
        "last_number" integer NOT NULL,
        CONSTRAINT "pk_certificate_counter" PRIMARY KEY ("organisation_id", "year")
      )`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."application" (
        "id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "work_order_id" uuid NOT NULL,
        "case_code" varchar(40) NOT NULL,
        "organisation_id" varchar(64) NOT NULL,
        "organisation_name" varchar(200) NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "description" text NOT NULL,
        "request_received_at" timestamptz NOT NULL,
        "applicant_sealed" text,
        "applicant_phone_hash" varchar(64),
        "applicant_id_card_hash" varchar(64),
        "correlation_id" varchar(128),
        "status" varchar(24) NOT NULL,
        "offer_accepted_at" timestamptz NOT NULL,
        "offer_accepted_by" varchar(64) NOT NULL,
        "matter_code" varchar(40),
        "matter_name" varchar(100),
        "fee_fen" integer,
        "submitted_at" timestamptz,
        "submitted_by" varchar(64),
        "clock_status" varchar(16) NOT NULL,
        "clock_due_at" timestamptz,
        "clock_explanation" text,
        "clock_paused_at" timestamptz,
        "clock_pauses" jsonb NOT NULL DEFAULT '[]',
        "reviewer_id" varchar(64),
        "review_started_at" timestamptz,
        "certificate_number" varchar(60),
        "certificate_copies" integer,
        "refusal_reason" varchar(2000),
        "closed_at" timestamptz,
        "closed_by" varchar(64),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_application" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_application_offer_id" ON "${s}"."application" ("offer_id")`);
    await queryRunner.query(`CREATE INDEX "ix_application_work_order_id" ON "${s}"."application" ("work_order_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_application_organisation_status" ON "${s}"."application" ("organisation_id", "status")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_application_certificate_number" ON "${s}"."application" ("certificate_number")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."application_material" (
        "application_id" uuid NOT NULL,
        "code" varchar(64) NOT NULL,
        "label" varchar(200) NOT NULL,
        "commitment_allowed" boolean NOT NULL,
        "sort_order" integer NOT NULL,
        "provision" varchar(16) NOT NULL,
        "reference" varchar(300),
        "commitment_signatory" varchar(100),
        "note" varchar(300),
        "received_at" timestamptz,
        CONSTRAINT "pk_application_material" PRIMARY KEY ("application_id", "code"),
        CONSTRAINT "fk_application_material_application" FOREIGN KEY ("application_id") REFERENCES "${s}"."application" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."material_notice" (
        "id" uuid NOT NULL,
        "application_id" uuid NOT NULL,
        "items" jsonb NOT NULL,
        "notice" text NOT NULL,
        "issued_at" timestamptz NOT NULL,
        "satisfied_at" timestamptz,
        CONSTRAINT "pk_material_notice" PRIMARY KEY ("id"),
        CONSTRAINT "fk_material_notice_application" FOREIGN KEY ("application_id") REFERENCES "${s}"."application" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_material_notice_application_id" ON "${s}"."material_notice" ("application_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."application_history" (
        "id" bigserial NOT NULL,
        "application_id" uuid NOT NULL,
        "step" varchar(64) NOT NULL,
        "actor_id" varchar(64) NOT NULL,
        "detail" varchar(2000) NOT NULL,
        "at" timestamptz NOT NULL,
        CONSTRAINT "pk_application_history" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_application_history_application_id" ON "${s}"."application_history" ("application_id", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of [
      'application_history',
      'material_notice',
      'application_material',
      'application',
      'certificate_counter',
      'notary_office',
      'matter_material',
      'matter',
      'offer',
    ]) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
