import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The legal_aid schema: offers, applications with their timeline and statutory clocks, the
 * economic-hardship review and its reference data (thresholds, exempt categories), the lawyer roster,
 * appointments, notified-defence notices, return visits, duty-lawyer help and organisation capacity.
 * Personal data columns hold keyed hashes and encrypted copies only.
 */
export class LegalAidSchema1764310400000 implements MigrationInterface {
  name = 'LegalAidSchema1764310400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const q = (sql: string): Promise<unknown> => queryRunner.query(sql);
    const person = (prefix: string): string =>
      `"${prefix}_name_sealed" text, "${prefix}_id_card_hash" character varying(64), "${prefix}_id_card_sealed" text, ` +
      `"${prefix}_phone_hash" character varying(64), "${prefix}_phone_sealed" text, "${prefix}_address_sealed" text`;
    const stamps = `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`;

    await q(`CREATE SEQUENCE "${s}"."application_case_seq" AS bigint START WITH 1`);

    await q(
      `CREATE TABLE "${s}"."offer" ("id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "case_code" character varying(40) NOT NULL, ` +
        `"organisation_id" character varying(64) NOT NULL, "organisation_name" character varying(200) NOT NULL, "organisation_region_code" character varying(12) NOT NULL, ` +
        `"region_code" character varying(12) NOT NULL, "service_type" character varying(40) NOT NULL, "description" text NOT NULL, "urgency" character varying(16) NOT NULL, ` +
        `"vulnerable_group" boolean NOT NULL, "legal_deadline_at" TIMESTAMP WITH TIME ZONE, "origin_platform" character varying(16) NOT NULL, ` +
        `"received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "offered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"attempt" integer NOT NULL, "status" character varying(16) NOT NULL, "outcome_code" character varying(32), "outcome_reason" character varying(1000), ` +
        `"decided_by" character varying(64), "decided_at" TIMESTAMP WITH TIME ZONE, "application_id" uuid, "event_id" character varying(100), ${stamps}, ` +
        `${person('applicant')}, CONSTRAINT "pk_offer" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE INDEX "idx_offer_status_expires" ON "${s}"."offer" ("status", "expires_at")`);
    await q(`CREATE INDEX "idx_offer_work_order" ON "${s}"."offer" ("work_order_id")`);
    await q(`CREATE INDEX "idx_offer_organisation_status" ON "${s}"."offer" ("organisation_id", "status")`);

    await q(
      `CREATE TABLE "${s}"."application" ("id" uuid NOT NULL, "case_number" character varying(32) NOT NULL, "kind" character varying(24) NOT NULL, ` +
        `"work_order_id" uuid, "offer_id" uuid, "notice_id" uuid, "case_code" character varying(40), "organisation_id" character varying(64), ` +
        `"organisation_name" character varying(200), "region_code" character varying(12) NOT NULL, "matter_region_code" character varying(12) NOT NULL, ` +
        `"description" text NOT NULL, "expertise_tags" text array NOT NULL DEFAULT '{}', "legal_deadline_at" TIMESTAMP WITH TIME ZONE, ` +
        `"urgent" boolean NOT NULL DEFAULT false, "state" character varying(24) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"decision" character varying(8), "decision_reason" character varying(2000), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" character varying(64), ` +
        `"lawyer_id" uuid, "appointed_at" TIMESTAMP WITH TIME ZONE, "provided_first" boolean NOT NULL DEFAULT false, ` +
        `"appointment_blocked_reason" character varying(500), "closure_outcome" character varying(32), "closure_summary" character varying(2000), ` +
        `"closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" character varying(64), "state_before_materials" character varying(24), ` +
        `"source_event_id" character varying(100), ${stamps}, ${person('applicant')}, CONSTRAINT "pk_application" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE UNIQUE INDEX "uq_application_case_number" ON "${s}"."application" ("case_number")`);
    await q(`CREATE UNIQUE INDEX "uq_application_offer" ON "${s}"."application" ("offer_id")`);
    await q(`CREATE UNIQUE INDEX "uq_application_notice" ON "${s}"."application" ("notice_id")`);
    await q(`CREATE INDEX "idx_application_work_order" ON "${s}"."application" ("work_order_id")`);
    await q(`CREATE INDEX "idx_application_state" ON "${s}"."application" ("state")`);
    await q(`CREATE INDEX "idx_application_region" ON "${s}"."application" ("region_code")`);

    await q(
      `CREATE TABLE "${s}"."application_history" ("id" BIGSERIAL NOT NULL, "application_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"actor" character varying(64) NOT NULL, "action" character varying(48) NOT NULL, "from_state" character varying(24), "to_state" character varying(24), ` +
        `"detail" character varying(2000) NOT NULL, CONSTRAINT "pk_application_history" PRIMARY KEY ("id"))`,
    );
    await q(
      `CREATE INDEX "idx_application_history_application_at" ON "${s}"."application_history" ("application_id", "at")`,
    );

    await q(
      `CREATE TABLE "${s}"."application_deadline" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, ` +
        `"rule" character varying(16) NOT NULL, "days" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"explanation" text NOT NULL, "status" character varying(16) NOT NULL, "pauses" jsonb NOT NULL, ` +
        `"completed_at" TIMESTAMP WITH TIME ZONE, "breached_at" TIMESTAMP WITH TIME ZONE, ${stamps}, CONSTRAINT "pk_application_deadline" PRIMARY KEY ("id"))`,
    );
    await q(
      `CREATE UNIQUE INDEX "uq_application_deadline_kind" ON "${s}"."application_deadline" ("application_id", "kind")`,
    );
    await q(`CREATE INDEX "idx_application_deadline_status_due" ON "${s}"."application_deadline" ("status", "due_at")`);

    await q(
      `CREATE TABLE "${s}"."hardship_threshold" ("region_code" character varying(6) NOT NULL, "level" character varying(16) NOT NULL, ` +
        `"monthly_income_per_capita" numeric(12,2) NOT NULL, "basis" character varying(500) NOT NULL, "updated_by" character varying(64) NOT NULL, ` +
        `${stamps}, CONSTRAINT "pk_hardship_threshold" PRIMARY KEY ("region_code"))`,
    );
    await q(
      `CREATE TABLE "${s}"."exempt_category" ("code" character varying(64) NOT NULL, "label_zh" character varying(200) NOT NULL, ` +
        `"label_en" character varying(200) NOT NULL, "legal_basis" character varying(300) NOT NULL, "expertise_tags" text array NOT NULL DEFAULT '{}', ` +
        `"active" boolean NOT NULL DEFAULT true, "updated_by" character varying(64) NOT NULL, ${stamps}, CONSTRAINT "pk_exempt_category" PRIMARY KEY ("code"))`,
    );
    await q(
      `CREATE TABLE "${s}"."hardship_review" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "household_size" integer, ` +
        `"household_monthly_income" numeric(12,2), "monthly_income_per_capita" numeric(12,2), "exempt_category_code" character varying(64), ` +
        `"threshold_amount" numeric(12,2), "threshold_region_code" character varying(6), "threshold_source" character varying(16), ` +
        `"integrity_commitment" boolean NOT NULL, "commitment_signed_at" TIMESTAMP WITH TIME ZONE, "computed_result" character varying(16) NOT NULL, ` +
        `"override_result" character varying(16), "override_reason" character varying(1000), "overridden_by" character varying(64), ` +
        `"overridden_at" TIMESTAMP WITH TIME ZONE, "final_result" character varying(16) NOT NULL, "explanation" character varying(1000) NOT NULL, ` +
        `"snapshot" jsonb NOT NULL, "reviewed_by" character varying(64) NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, ${stamps}, ` +
        `CONSTRAINT "pk_hardship_review" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE UNIQUE INDEX "uq_hardship_review_application" ON "${s}"."hardship_review" ("application_id")`);

    await q(
      `CREATE TABLE "${s}"."lawyer" ("id" uuid NOT NULL, "name" character varying(100) NOT NULL, "law_firm" character varying(200) NOT NULL, ` +
        `"expertise_tags" text array NOT NULL DEFAULT '{}', "region_code" character varying(6) NOT NULL, "capacity" integer NOT NULL, ` +
        `"current_load" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "updated_by" character varying(64) NOT NULL, ${stamps}, ` +
        `CONSTRAINT "pk_lawyer" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE INDEX "idx_lawyer_region" ON "${s}"."lawyer" ("region_code")`);

    await q(
      `CREATE TABLE "${s}"."appointment" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "lawyer_id" uuid NOT NULL, ` +
        `"lawyer_name" character varying(100) NOT NULL, "law_firm" character varying(200) NOT NULL, "appointed_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"appointed_by" character varying(64) NOT NULL, "mode" character varying(16) NOT NULL, "provided_first" boolean NOT NULL DEFAULT false, ` +
        `"explanation" character varying(2000) NOT NULL, "candidates" jsonb NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" character varying(32), ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_appointment" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE UNIQUE INDEX "uq_appointment_application" ON "${s}"."appointment" ("application_id")`);
    await q(`CREATE INDEX "idx_appointment_lawyer" ON "${s}"."appointment" ("lawyer_id")`);

    await q(
      `CREATE TABLE "${s}"."defence_notice" ("id" uuid NOT NULL, "agency" character varying(16) NOT NULL, "agency_name" character varying(200) NOT NULL, ` +
        `"agency_case_number" character varying(100) NOT NULL, "region_code" character varying(12) NOT NULL, "suspect_minor" boolean, ` +
        `"suspect_disability" boolean, "charge" character varying(300) NOT NULL, "stage" character varying(16) NOT NULL, ` +
        `"notice_received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hearing_at" TIMESTAMP WITH TIME ZONE, "channel" character varying(8) NOT NULL, ` +
        `"submitted_by" character varying(100) NOT NULL, "application_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `${person('suspect')}, CONSTRAINT "pk_defence_notice" PRIMARY KEY ("id"))`,
    );

    await q(
      `CREATE TABLE "${s}"."return_visit" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "region_code" character varying(12) NOT NULL, ` +
        `"due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL, "reached" boolean, "satisfaction" integer, ` +
        `"notes" character varying(2000), "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by" character varying(64), ${stamps}, ` +
        `CONSTRAINT "pk_return_visit" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE UNIQUE INDEX "uq_return_visit_application" ON "${s}"."return_visit" ("application_id")`);
    await q(`CREATE INDEX "idx_return_visit_region_status" ON "${s}"."return_visit" ("region_code", "status")`);

    await q(
      `CREATE TABLE "${s}"."duty_lawyer_service" ("id" uuid NOT NULL, "region_code" character varying(12) NOT NULL, ` +
        `"location_type" character varying(24) NOT NULL, "location_name" character varying(200) NOT NULL, "lawyer_id" uuid, ` +
        `"lawyer_name" character varying(100) NOT NULL, "services" text array NOT NULL, "charge" character varying(300), ` +
        `"summary" character varying(2000) NOT NULL, "served_at" TIMESTAMP WITH TIME ZONE NOT NULL, "organisation_id" character varying(64), ` +
        `"recorded_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ${person('person')}, ` +
        `CONSTRAINT "pk_duty_lawyer_service" PRIMARY KEY ("id"))`,
    );
    await q(
      `CREATE INDEX "idx_duty_lawyer_service_region_served" ON "${s}"."duty_lawyer_service" ("region_code", "served_at")`,
    );

    await q(
      `CREATE TABLE "${s}"."organisation_capacity" ("organisation_id" character varying(64) NOT NULL, "max_open_applications" integer NOT NULL, ` +
        `"updated_by" character varying(64) NOT NULL, ${stamps}, CONSTRAINT "pk_organisation_capacity" PRIMARY KEY ("organisation_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of [
      'organisation_capacity',
      'duty_lawyer_service',
      'return_visit',
      'defence_notice',
      'appointment',
      'lawyer',
      'hardship_review',
      'exempt_category',
      'hardship_threshold',
      'application_deadline',
      'application_history',
      'application',
      'offer',
    ]) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE "${s}"."application_case_seq"`);
  }
}
