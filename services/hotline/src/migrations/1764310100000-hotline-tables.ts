import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hotline's own tables: calls, callback tasks, the duty roster and evaluations taken by phone. */
export class HotlineTables1764310100000 implements MigrationInterface {
  name = 'HotlineTables1764310100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."hotline_call" (
        "id" uuid NOT NULL,
        "agent_id" character varying(64) NOT NULL,
        "caller_phone_hash" character(64) NOT NULL,
        "caller_phone_encrypted" text NOT NULL,
        "caller_phone_last4" character(4) NOT NULL,
        "caller_phone_masked" character varying(20) NOT NULL,
        "caller_name_masked" character varying(20),
        "region_code" character varying(12) NOT NULL,
        "language" character varying(16) NOT NULL,
        "service_type" character varying(40),
        "urgency" character varying(8) NOT NULL,
        "description" text NOT NULL,
        "outcome" character varying(20) NOT NULL,
        "answer_summary" text,
        "intake_id" uuid NOT NULL,
        "case_code" character varying(40),
        "work_order_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_hotline_call" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_hotline_call_phone_hash" ON "${s}"."hotline_call" ("caller_phone_hash", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_hotline_call_agent" ON "${s}"."hotline_call" ("agent_id", "created_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_hotline_call_intake" ON "${s}"."hotline_call" ("intake_id")`);
    await queryRunner.query(`CREATE INDEX "ix_hotline_call_work_order" ON "${s}"."hotline_call" ("work_order_id")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."callback_task" (
        "id" uuid NOT NULL,
        "work_order_id" uuid NOT NULL,
        "case_code" character varying(40) NOT NULL,
        "reason" character varying(32) NOT NULL,
        "status" character varying(16) NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "deadline_rule" character varying(16) NOT NULL,
        "deadline_explanation" text NOT NULL,
        "phone_hash" character(64),
        "phone_last4" character(4),
        "citizen_display_name" character varying(20),
        "region_code" character varying(12),
        "service_type" character varying(40),
        "detail" character varying(300) NOT NULL,
        "claimed_by" character varying(64),
        "claimed_at" TIMESTAMP WITH TIME ZONE,
        "completed_by" character varying(64),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "outcome" character varying(32),
        "note" character varying(2000),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_callback_task" PRIMARY KEY ("id"),
        CONSTRAINT "ck_callback_task_status" CHECK ("status" IN ('open', 'claimed', 'completed', 'cancelled')),
        CONSTRAINT "ck_callback_task_claim" CHECK ("status" <> 'claimed' OR "claimed_by" IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_callback_task_open_reason" ON "${s}"."callback_task" ("work_order_id", "reason") WHERE status IN ('open', 'claimed')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_callback_task_queue" ON "${s}"."callback_task" ("status", "due_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_callback_task_work_order" ON "${s}"."callback_task" ("work_order_id", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_callback_task_phone_hash" ON "${s}"."callback_task" ("phone_hash")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."roster_shift" (
        "id" uuid NOT NULL,
        "seat" character varying(32) NOT NULL,
        "agent_id" character varying(64) NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "languages" text array NOT NULL,
        "expert_seat" boolean NOT NULL,
        "expertise" text array NOT NULL,
        "created_by" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_roster_shift" PRIMARY KEY ("id"),
        CONSTRAINT "ck_roster_shift_period" CHECK ("ends_at" > "starts_at" AND "ends_at" <= "starts_at" + interval '24 hours')
      )`);
    await queryRunner.query(`CREATE INDEX "ix_roster_shift_period" ON "${s}"."roster_shift" ("starts_at", "ends_at")`);
    await queryRunner.query(`CREATE INDEX "ix_roster_shift_seat" ON "${s}"."roster_shift" ("seat", "starts_at")`);
    await queryRunner.query(`CREATE INDEX "ix_roster_shift_agent" ON "${s}"."roster_shift" ("agent_id", "starts_at")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."phone_evaluation" (
        "id" uuid NOT NULL,
        "work_order_id" uuid NOT NULL,
        "case_code" character varying(40) NOT NULL,
        "score" smallint NOT NULL,
        "comment" character varying(2000),
        "agent_id" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_phone_evaluation" PRIMARY KEY ("id"),
        CONSTRAINT "ck_phone_evaluation_score" CHECK ("score" BETWEEN 1 AND 5)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_phone_evaluation_work_order" ON "${s}"."phone_evaluation" ("work_order_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['phone_evaluation', 'roster_shift', 'callback_task', 'hotline_call']) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
