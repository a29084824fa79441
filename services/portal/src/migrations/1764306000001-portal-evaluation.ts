import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Satisfaction evaluations, one per work order. */
export class PortalEvaluation1764306000001 implements MigrationInterface {
  name = 'PortalEvaluation1764306000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."portal_evaluation" (
        "id" uuid NOT NULL,
        "work_order_id" uuid NOT NULL,
        "case_code" character varying(40) NOT NULL,
        "score" smallint NOT NULL,
        "comment" text,
        "work_order_version" integer NOT NULL,
        "citizen_user_id" character varying(64),
        "verified_by" character varying(16) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_portal_evaluation" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_portal_evaluation_work_order" ON "${s}"."portal_evaluation" ("work_order_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."portal_evaluation"`);
  }
}
