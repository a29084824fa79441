import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model keeps the keyed hash of the work order's access code (anonymous tracking secret). */
export class WorkOrderViewAccessCode1764860000001 implements MigrationInterface {
  name = 'WorkOrderViewAccessCode1764860000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."work_order_view" ADD "access_code_hash" character(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."work_order_view" DROP COLUMN "access_code_hash"`);
  }
}
