import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work_order schema: organisations and staff, routing rules and decisions, work orders with their
 * intakes, case-code counters, hash-chained timeline, offers, deadlines, supervision orders and
 * possible relations. The timeline is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export class WorkOrderTables1764310000000 implements MigrationInterface {
  name = 'WorkOrderTables1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const q = (sql: string): Promise<unknown> => queryRunner.query(sql);
    const created = `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`;
    const updated = `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`;

    await q(
      `CREATE TABLE "${s}"."organisation" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(40) NOT NULL, ` +
        `"level" character varying(16) NOT NULL, "region_code" character varying(12) NOT NULL, "handler" character varying(32) NOT NULL, ` +
        `"service_types" text array NOT NULL, "duty_hours" jsonb NOT NULL, "address" character varying(300) NOT NULL, "phone" character varying(32) NOT NULL, ` +
        `"active" boolean NOT NULL, "seeded" boolean NOT NULL, ${created}, ${updated}, CONSTRAINT "pk_organisation" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE INDEX "ix_organisation_region_code" ON "${s}"."organisation" ("region_code" varchar_pattern_ops)`);
    await q(`CREATE INDEX "ix_organisation_service_types" ON "${s}"."organisation" USING gin ("service_types")`);

    await q(
      `CREATE TABLE "${s}"."staff" ("id" character varying(64) NOT NULL, "organisation_id" character varying(64) NOT NULL, "name" character varying(100) NOT NULL, ` +
        `"expertise" text array NOT NULL, "languages" text array NOT NULL, "capacity" integer NOT NULL, "on_duty" jsonb NOT NULL, "active" boolean NOT NULL, ` +
        `${created}, ${updated}, CONSTRAINT "pk_staff" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE INDEX "ix_staff_organisation_id" ON "${s}"."staff" ("organisation_id")`);

    await q(
      `CREATE TABLE "${s}"."routing_rule" ("id" uuid NOT NULL, "rule_key" character varying(64) NOT NULL, "revision" integer NOT NULL, "kind" character varying(32) NOT NULL, ` +
        `"name" character varying(200) NOT NULL, "params" jsonb NOT NULL, "enabled" boolean NOT NULL, "created_by" character varying(64) NOT NULL, ${created}, ` +
        `"superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_routing_rule" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE UNIQUE INDEX "ux_routing_rule_key_revision" ON "${s}"."routing_rule" ("rule_key", "revision")`);
    await q(
      `CREATE UNIQUE INDEX "ux_routing_rule_current" ON "${s}"."routing_rule" ("rule_key") WHERE "superseded_at" IS NULL`,
    );

    await q(
      `CREATE TABLE "${s}"."routing_decision" ("id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "trigger" character varying(24) NOT NULL, ` +
        `"decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" character varying(16) NOT NULL, "winner_organisation_id" character varying(64), ` +
        `"winner_staff_id" character varying(64), "explanation" text NOT NULL, "record" jsonb NOT NULL, CONSTRAINT "pk_routing_decision" PRIMARY KEY ("id"))`,
    );
    await q(
      `CREATE INDEX "ix_routing_decision_work_order_id" ON "${s}"."routing_decision" ("work_order_id", "decided_at")`,
    );

    await q(
      `CREATE TABLE "${s}"."work_order" ("id" uuid NOT NULL, "case_code" character varying(32) NOT NULL, "status" character varying(24) NOT NULL, ` +
        `"service_type" character varying(32) NOT NULL, "classification" jsonb NOT NULL, "topic_tags" text array NOT NULL, "region_code" character varying(12) NOT NULL, ` +
        `"origin_platform" character varying(16) NOT NULL, "platforms" text array NOT NULL, "description" text NOT NULL, "language" character varying(16) NOT NULL, ` +
        `"urgency" character varying(8) NOT NULL, "vulnerable_group" boolean NOT NULL, "legal_deadline_at" TIMESTAMP WITH TIME ZONE, "priority" character varying(8) NOT NULL, ` +
        `"applicant_sealed" text NOT NULL, "applicant_display_name" character varying(20), "id_card_hash" character(64), "phone_hash" character(64), ` +
        `"phone_last4" character(4), "surname_hash" character(64), "citizen_user_id" character varying(64), "organisation_id" character varying(64), ` +
        `"organisation_name" character varying(200), "handler" character varying(32), "staff_id" character varying(64), "handler_case_id" character varying(64), ` +
        `"related_case_code" character varying(32), "complaint_against_organisation_id" character varying(64), "merged_into_id" uuid, ` +
        `"offer_failures" integer NOT NULL, "reopen_count" integer NOT NULL, "escalation_level" integer NOT NULL, "version" integer NOT NULL, ` +
        `"timeline_head" character(64) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, ${created}, ${updated}, ` +
        `CONSTRAINT "pk_work_order" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE UNIQUE INDEX "ux_work_order_case_code" ON "${s}"."work_order" ("case_code")`);
    await q(`CREATE INDEX "ix_work_order_status" ON "${s}"."work_order" ("status")`);
    await q(`CREATE INDEX "ix_work_order_region_code" ON "${s}"."work_order" ("region_code" varchar_pattern_ops)`);
    await q(`CREATE INDEX "ix_work_order_organisation_id" ON "${s}"."work_order" ("organisation_id", "status")`);
    await q(`CREATE INDEX "ix_work_order_id_card_hash" ON "${s}"."work_order" ("id_card_hash", "service_type")`);
    await q(`CREATE INDEX "ix_work_order_phone_hash" ON "${s}"."work_order" ("phone_hash", "service_type")`);
    await q(`CREATE INDEX "ix_work_order_received_at" ON "${s}"."work_order" ("received_at")`);

    await q(
      `CREATE TABLE "${s}"."work_order_intake" ("intake_id" uuid NOT NULL, "work_order_id" uuid, "platform" character varying(16) NOT NULL, ` +
        `"platform_record_id" character varying(64) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" character varying(24) NOT NULL, ` +
        `"reasons" jsonb NOT NULL, ${created}, CONSTRAINT "pk_work_order_intake" PRIMARY KEY ("intake_id"))`,
    );
    await q(`CREATE INDEX "ix_work_order_intake_work_order_id" ON "${s}"."work_order_intake" ("work_order_id")`);

    await q(
      `CREATE TABLE "${s}"."case_code_counter" ("region_code" character varying(6) NOT NULL, "day" date NOT NULL, "last_value" integer NOT NULL, ` +
        `CONSTRAINT "pk_case_code_counter" PRIMARY KEY ("region_code", "day"))`,
    );

    await q(
      `CREATE TABLE "${s}"."timeline_entry" ("work_order_id" uuid NOT NULL, "seq" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"action" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "actor_id" character varying(64), "platform" character varying(16), ` +
        `"from_status" character varying(24), "to_status" character varying(24) NOT NULL, "note" character varying(2000), "data" jsonb NOT NULL, ` +
        `"prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "pk_timeline_entry" PRIMARY KEY ("work_order_id", "seq"))`,
    );
    await q(
      `CREATE FUNCTION "${s}"."timeline_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN RAISE EXCEPTION 'timeline entries are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    await q(
      `CREATE TRIGGER "timeline_entry_no_update" BEFORE UPDATE OR DELETE ON "${s}"."timeline_entry" FOR EACH ROW EXECUTE FUNCTION "${s}"."timeline_entry_append_only"()`,
    );
    await q(
      `CREATE TRIGGER "timeline_entry_no_truncate" BEFORE TRUNCATE ON "${s}"."timeline_entry" FOR EACH STATEMENT EXECUTE FUNCTION "${s}"."timeline_entry_append_only"()`,
    );

    await q(
      `CREATE TABLE "${s}"."offer" ("id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "decision_id" uuid NOT NULL, "organisation_id" character varying(64) NOT NULL, ` +
        `"staff_id" character varying(64), "handler" character varying(32) NOT NULL, "attempt" integer NOT NULL, "status" character varying(16) NOT NULL, ` +
        `"offered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, ` +
        `"reason_code" character varying(32), "reason" character varying(1000), CONSTRAINT "pk_offer" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE INDEX "ix_offer_pending_expiry" ON "${s}"."offer" ("status", "expires_at")`);
    await q(`CREATE INDEX "ix_offer_work_order_id" ON "${s}"."offer" ("work_order_id")`);

    await q(
      `CREATE TABLE "${s}"."deadline" ("id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "kind" character varying(64) NOT NULL, "rule" character varying(16) NOT NULL, ` +
        `"units" integer, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL, ` +
        `"source" character varying(16) NOT NULL, "explanation" text NOT NULL, "paused_at" TIMESTAMP WITH TIME ZONE, "pauses" jsonb NOT NULL, "extensions" jsonb NOT NULL, ` +
        `"supervision_order_id" uuid, "due_soon_alerted_at" TIMESTAMP WITH TIME ZONE, "overdue_alerted_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, ` +
        `${created}, ${updated}, CONSTRAINT "pk_deadline" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE INDEX "ix_deadline_work_order_id" ON "${s}"."deadline" ("work_order_id")`);
    await q(`CREATE INDEX "ix_deadline_status_due_at" ON "${s}"."deadline" ("status", "due_at")`);

    await q(
      `CREATE TABLE "${s}"."supervision_order" ("id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "kind" character varying(24) NOT NULL, ` +
        `"reason" character varying(2000) NOT NULL, "organisation_id" character varying(64), "issued_by" character varying(64) NOT NULL, ` +
        `"issued_role" character varying(32) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "status" character varying(16) NOT NULL, ${created}, ` +
        `"resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_supervision_order" PRIMARY KEY ("id"))`,
    );
    await q(`CREATE INDEX "ix_supervision_order_work_order_id" ON "${s}"."supervision_order" ("work_order_id")`);

    await q(
      `CREATE TABLE "${s}"."possible_relation" ("id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "related_work_order_id" uuid NOT NULL, ` +
        `"reason" character varying(40) NOT NULL, "score" real NOT NULL, "status" character varying(16) NOT NULL, "decided_by" character varying(64), ` +
        `"decided_at" TIMESTAMP WITH TIME ZONE, ${created}, CONSTRAINT "pk_possible_relation" PRIMARY KEY ("id"))`,
    );
    await q(
      `CREATE UNIQUE INDEX "ux_possible_relation_pair" ON "${s}"."possible_relation" ("work_order_id", "related_work_order_id")`,
    );
    await q(`CREATE INDEX "ix_possible_relation_related" ON "${s}"."possible_relation" ("related_work_order_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of [
      'possible_relation',
      'supervision_order',
      'deadline',
      'offer',
      'timeline_entry',
      'case_code_counter',
      'work_order_intake',
      'work_order',
      'routing_decision',
      'routing_rule',
      'staff',
      'organisation',
    ]) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "${s}"."timeline_entry_append_only"()`);
  }
}
