import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The regions the 12345 hotline's partner clients cover (projected from identity): a transfer out needs one. */
export class Coverage123451764950000000 implements MigrationInterface {
  name = 'Coverage123451764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`CREATE TABLE "${s}"."coverage_12345" (
      "client_id" character varying(151) NOT NULL,
      "active" boolean NOT NULL,
      "region_code" character varying(12),
      "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "pk_coverage_12345" PRIMARY KEY ("client_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."coverage_12345"`);
  }
}
