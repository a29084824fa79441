import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A work order keeps the keyed hash of the access code its creating intake gave the citizen (tracking secret). */
export class WorkOrderAccessCode1764860000000 implements MigrationInterface {
  name = 'WorkOrderAccessCode1764860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."work_order" ADD "access_code_hash" character(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."work_order" DROP COLUMN "access_code_hash"`);
  }
}
