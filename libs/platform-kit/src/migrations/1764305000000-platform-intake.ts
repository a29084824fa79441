import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Intakes a platform handed to the work-order service and their outcome (case code, link, rejection). */
export class PlatformIntake1764305000000 implements MigrationInterface {
  name = 'PlatformIntake1764305000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."platform_intake" (
        "intake_id" uuid NOT NULL,
        "platform" character varying(16) NOT NULL,
        "platform_record_id" character varying(64) NOT NULL,
        "status" character varying(32) NOT NULL,
        "service_type" character varying(40),
        "region_code" character varying(12) NOT NULL,
        "related_case_code" character varying(40),
        "case_code" character varying(40),
        "work_order_id" uuid,
        "possibly_related_case_codes" jsonb NOT NULL,
        "rejection_reasons" jsonb,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "outcome_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_platform_intake" PRIMARY KEY ("intake_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_platform_intake_record" ON "${s}"."platform_intake" ("platform_record_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_platform_intake_work_order" ON "${s}"."platform_intake" ("work_order_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."platform_intake"`);
  }
}
