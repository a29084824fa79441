import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 12345 transfers: a partner client's hotline channel, and one row per transferred matter (unique per partner reference). */
export class PartnerTransfers1764320000002 implements MigrationInterface {
  name = 'PartnerTransfers1764320000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."partner_client" ADD COLUMN IF NOT EXISTS "channel" varchar(16)`);
    await queryRunner.query(
      `CREATE TABLE "${s}"."partner_transfer" ("id" uuid NOT NULL, "client_id" varchar(64) NOT NULL, "reference" varchar(64) NOT NULL, ` +
        `"direction" varchar(8) NOT NULL, "request_hash" char(64) NOT NULL, "consent" jsonb NOT NULL, "stage" varchar(24) NOT NULL, ` +
        `"case_code" varchar(40), "work_order_id" uuid, "last_status" varchar(32), "created_at" timestamptz NOT NULL DEFAULT now(), ` +
        `"updated_at" timestamptz NOT NULL DEFAULT now(), CONSTRAINT "pk_partner_transfer" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_partner_transfer_reference" ON "${s}"."partner_transfer" ("client_id", "direction", "reference")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_partner_transfer_work_order" ON "${s}"."partner_transfer" ("work_order_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."partner_transfer"`);
    await queryRunner.query(`ALTER TABLE "${s}"."partner_client" DROP COLUMN "channel"`);
  }
}
