import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A platform's read model of work orders, rebuilt from the workorder.changed stream. */
export class WorkOrderView1764305000001 implements MigrationInterface {
  name = 'WorkOrderView1764305000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."work_order_view" (
        "work_order_id" uuid NOT NULL,
        "case_code" character varying(40) NOT NULL,
        "version" integer NOT NULL,
        "status" character varying(32) NOT NULL,
        "service_type" character varying(40) NOT NULL,
        "region_code" character varying(12) NOT NULL,
        "organisation_id" character varying(64),
        "organisation_name" character varying(200),
        "handler" character varying(32),
        "staff_id" character varying(64),
        "deadlines" jsonb NOT NULL,
        "timeline" jsonb NOT NULL,
        "next_due_at" TIMESTAMP WITH TIME ZONE,
        "deadline_breached" boolean NOT NULL DEFAULT false,
        "phone_hash" character(64),
        "phone_last4" character(4),
        "id_card_hash" character(64),
        "citizen_user_id" character varying(64),
        "citizen_display_name" character varying(20),
        "platforms" jsonb NOT NULL,
        "origin_platform" character varying(16) NOT NULL,
        "related_case_code" character varying(40),
        "complaint_against_organisation_id" character varying(64),
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "projected_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_work_order_view" PRIMARY KEY ("work_order_id")
      )`);
    const indexes: [string, string, boolean][] = [
      ['ux_work_order_view_case_code', '"case_code"', true],
      ['ix_work_order_view_phone_hash', '"phone_hash"', false],
      ['ix_work_order_view_id_card_hash', '"id_card_hash"', false],
      ['ix_work_order_view_citizen_user', '"citizen_user_id"', false],
      ['ix_work_order_view_org_status', '"organisation_id", "status"', false],
      ['ix_work_order_view_region', '"region_code"', false],
      ['ix_work_order_view_received', '"received_at"', false],
      ['ix_work_order_view_next_due', '"next_due_at"', false],
    ];
    for (const [name, columns, unique] of indexes) {
      await queryRunner.query(
        `CREATE ${unique ? 'UNIQUE ' : ''}INDEX "${name}" ON "${s}"."work_order_view" (${columns})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."work_order_view"`);
  }
}
