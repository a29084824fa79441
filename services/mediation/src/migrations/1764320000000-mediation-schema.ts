import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@legal/persistence';

/** Offers, committees, mediators, dispute keywords, cases, sessions, judicial confirmation, case history. */
export class MediationSchema1764320000000 implements MigrationInterface {
  name = 'MediationSchema1764320000000';

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
      CREATE TABLE "${s}"."committee" (
        "id" uuid NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "level" varchar(16) NOT NULL,
        "name" varchar(200) NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_committee" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_committee_region_code" ON "${s}"."committee" ("region_code")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."mediator" (
        "id" uuid NOT NULL,
        "committee_id" uuid NOT NULL,
        "name" varchar(100) NOT NULL,
        "specialties" text array NOT NULL,
        "max_open_cases" integer NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mediator" PRIMARY KEY ("id"),
        CONSTRAINT "fk_mediator_committee" FOREIGN KEY ("committee_id") REFERENCES "${s}"."committee" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_mediator_committee_id" ON "${s}"."mediator" ("committee_id")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."dispute_keyword" (
        "id" uuid NOT NULL,
        "category" varchar(16) NOT NULL,
        "keyword" varchar(50) NOT NULL,
        "weight" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_dispute_keyword" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_dispute_keyword_category_keyword" ON "${s}"."dispute_keyword" ("category", "keyword")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."mediation_case" (
        "id" uuid NOT NULL,
        "offer_id" uuid NOT NULL,
        "work_order_id" uuid NOT NULL,
        "case_code" varchar(40) NOT NULL,
        "organisation_id" varchar(64) NOT NULL,
        "organisation_name" varchar(200) NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "description" text NOT NULL,
        "urgency" varchar(16) NOT NULL,
        "applicant_sealed" text,
        "applicant_phone_hash" varchar(64),
        "applicant_id_card_hash" varchar(64),
        "correlation_id" varchar(128),
        "status" varchar(24) NOT NULL,
        "dispute_category" varchar(16),
        "category_source" varchar(16) NOT NULL,
        "category_keywords" text array NOT NULL,
        "committee_id" uuid NOT NULL,
        "committee_name" varchar(200) NOT NULL,
        "committee_region_code" varchar(12) NOT NULL,
        "committee_reason" varchar(1000) NOT NULL,
        "mediator_id" uuid NOT NULL,
        "mediator_name" varchar(100) NOT NULL,
        "mediator_reason" varchar(1000) NOT NULL,
        "accepted_at" timestamptz NOT NULL,
        "accepted_by" varchar(64) NOT NULL,
        "term_due_at" timestamptz NOT NULL,
        "term_explanation" text NOT NULL,
        "term_extensions" jsonb NOT NULL DEFAULT '[]',
        "outcome" varchar(32),
        "outcome_reason" varchar(2000),
        "agreement_text" text,
        "agreement_terms" jsonb,
        "closed_at" timestamptz,
        "closed_by" varchar(64),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mediation_case" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_mediation_case_offer_id" ON "${s}"."mediation_case" ("offer_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_mediation_case_work_order_id" ON "${s}"."mediation_case" ("work_order_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_mediation_case_mediator_status" ON "${s}"."mediation_case" ("mediator_id", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_mediation_case_status_created_at" ON "${s}"."mediation_case" ("status", "created_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."mediation_session" (
        "id" uuid NOT NULL,
        "case_id" uuid NOT NULL,
        "sequence" integer NOT NULL,
        "scheduled_at" timestamptz NOT NULL,
        "place" varchar(300) NOT NULL,
        "parties" jsonb NOT NULL,
        "status" varchar(16) NOT NULL,
        "held_at" timestamptz,
        "attendees" jsonb,
        "minutes" text,
        "scheduled_by" varchar(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mediation_session" PRIMARY KEY ("id"),
        CONSTRAINT "fk_mediation_session_case" FOREIGN KEY ("case_id") REFERENCES "${s}"."mediation_case" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_mediation_session_case_sequence" ON "${s}"."mediation_session" ("case_id", "sequence")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."judicial_confirmation" (
        "id" uuid NOT NULL,
        "case_id" uuid NOT NULL,
        "court" varchar(200) NOT NULL,
        "requested_on" date NOT NULL,
        "requested_by" varchar(64) NOT NULL,
        "result" varchar(16) NOT NULL,
        "decided_on" date,
        "note" varchar(1000),
        "decision_recorded_by" varchar(64),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_judicial_confirmation" PRIMARY KEY ("id"),
        CONSTRAINT "fk_judicial_confirmation_case" FOREIGN KEY ("case_id") REFERENCES "${s}"."mediation_case" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_judicial_confirmation_case_id" ON "${s}"."judicial_confirmation" ("case_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."case_history" (
        "id" bigserial NOT NULL,
        "case_id" uuid NOT NULL,
        "step" varchar(64) NOT NULL,
        "actor_id" varchar(64) NOT NULL,
        "detail" varchar(2000) NOT NULL,
        "at" timestamptz NOT NULL,
        CONSTRAINT "pk_case_history" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_case_history_case_id" ON "${s}"."case_history" ("case_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of [
      'case_history',
      'judicial_confirmation',
      'mediation_session',
      'mediation_case',
      'dispute_keyword',
      'mediator',
      'committee',
      'offer',
    ]) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
