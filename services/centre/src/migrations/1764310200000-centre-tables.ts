import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The centre's own tables: counter visits, the queue and its daily sequences, and referral chains. */
export class CentreTables1764310200000 implements MigrationInterface {
  name = 'CentreTables1764310200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."walk_in_visit" (
        "id" uuid NOT NULL,
        "organisation_id" character varying(64) NOT NULL,
        "clerk_id" character varying(64) NOT NULL,
        "region_code" character varying(12) NOT NULL,
        "ticket_id" uuid,
        "id_card_hash" character(64) NOT NULL,
        "id_card_encrypted" text NOT NULL,
        "id_card_masked" character varying(24) NOT NULL,
        "name_encrypted" text NOT NULL,
        "name_masked" character varying(20) NOT NULL,
        "address_encrypted" text NOT NULL,
        "phone_hash" character(64),
        "phone_encrypted" text,
        "phone_masked" character varying(20),
        "outcome" character varying(20),
        "intake_id" uuid,
        "case_code" character varying(40),
        "work_order_id" uuid,
        "outcome_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_walk_in_visit" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_walk_in_visit_org_created" ON "${s}"."walk_in_visit" ("organisation_id", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_walk_in_visit_id_card_hash" ON "${s}"."walk_in_visit" ("id_card_hash")`);
    await queryRunner.query(`CREATE INDEX "ix_walk_in_visit_ticket" ON "${s}"."walk_in_visit" ("ticket_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_walk_in_visit_intake" ON "${s}"."walk_in_visit" ("intake_id")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."queue_ticket" (
        "id" uuid NOT NULL,
        "organisation_id" character varying(64) NOT NULL,
        "service_day" date NOT NULL,
        "counter" character varying(2) NOT NULL,
        "seq" integer NOT NULL,
        "number" character varying(12) NOT NULL,
        "service_type" character varying(40),
        "status" character varying(16) NOT NULL,
        "issued_by" character varying(64) NOT NULL,
        "called_by" character varying(64),
        "called_at" TIMESTAMP WITH TIME ZONE,
        "served_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_queue_ticket" PRIMARY KEY ("id"),
        CONSTRAINT "ck_queue_ticket_status" CHECK ("status" IN ('waiting', 'called', 'served', 'no-show'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_queue_ticket_number" ON "${s}"."queue_ticket" ("organisation_id", "service_day", "counter", "seq")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_queue_ticket_waiting" ON "${s}"."queue_ticket" ("organisation_id", "service_day", "counter", "status", "seq")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."queue_counter_sequence" (
        "organisation_id" character varying(64) NOT NULL,
        "service_day" date NOT NULL,
        "counter" character varying(2) NOT NULL,
        "last_seq" integer NOT NULL,
        CONSTRAINT "pk_queue_counter_sequence" PRIMARY KEY ("organisation_id", "service_day", "counter")
      )`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."referral" (
        "id" uuid NOT NULL,
        "work_order_id" uuid NOT NULL,
        "case_code" character varying(40) NOT NULL,
        "work_order_region_code" character varying(12) NOT NULL,
        "from_organisation_id" character varying(64) NOT NULL,
        "to_organisation_id" character varying(64) NOT NULL,
        "to_region_code" character varying(12) NOT NULL,
        "reason" character varying(1000) NOT NULL,
        "status" character varying(16) NOT NULL,
        "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL,
        "deadline_explanation" text NOT NULL,
        "coordinating_organisation_id" character varying(64),
        "coordinating_region_code" character varying(12),
        "escalated_from_id" uuid,
        "escalated_to_id" uuid,
        "requested_by" character varying(64),
        "answered_by" character varying(64),
        "answered_at" TIMESTAMP WITH TIME ZONE,
        "answer_reason" character varying(1000),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_referral" PRIMARY KEY ("id"),
        CONSTRAINT "ck_referral_status" CHECK ("status" IN ('pending', 'accepted', 'rejected', 'expired'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_referral_pending_work_order" ON "${s}"."referral" ("work_order_id") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referral_to_status" ON "${s}"."referral" ("to_organisation_id", "status", "respond_by")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referral_from" ON "${s}"."referral" ("from_organisation_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_referral_work_order" ON "${s}"."referral" ("work_order_id", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_referral_due" ON "${s}"."referral" ("status", "respond_by")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['referral', 'queue_counter_sequence', 'queue_ticket', 'walk_in_visit']) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
