import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@legal/persistence';

/** Entrustments sent by partner courts over their authenticated API. */
export class PartnerEntrustment1764900000003 implements MigrationInterface {
  name = 'PartnerEntrustment1764900000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."partner_entrustment" (
        "id" uuid NOT NULL,
        "client_id" varchar(100) NOT NULL,
        "court_name" varchar(200) NOT NULL,
        "court_case_number" varchar(64) NOT NULL,
        "category" varchar(32) NOT NULL,
        "matter" varchar(2000) NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "work_order_id" uuid NOT NULL,
        "submitted_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_partner_entrustment" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_partner_entrustment_work_order_id" ON "${s}"."partner_entrustment" ("work_order_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_partner_entrustment_client_id" ON "${s}"."partner_entrustment" ("client_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."partner_entrustment"`);
  }
}
