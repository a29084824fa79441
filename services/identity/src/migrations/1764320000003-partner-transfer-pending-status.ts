import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Work-order statuses of a 12345 transfer that arrived before its case code: queued, told in order later. */
export class PartnerTransferPendingStatus1764320000003 implements MigrationInterface {
  name = 'PartnerTransferPendingStatus1764320000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${s}"."partner_transfer_pending_status" ("work_order_id" uuid NOT NULL, "seq" integer NOT NULL, ` +
        `"status" varchar(32) NOT NULL, "change" jsonb NOT NULL, "occurred_at" timestamptz NOT NULL, ` +
        `"created_at" timestamptz NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "pk_partner_transfer_pending_status" PRIMARY KEY ("work_order_id", "seq"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."partner_transfer_pending_status"`);
  }
}
