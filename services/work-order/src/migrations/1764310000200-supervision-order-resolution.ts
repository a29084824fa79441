import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A supervision order (督办) records who resolved it and how. */
export class SupervisionOrderResolution1764310000200 implements MigrationInterface {
  name = 'SupervisionOrderResolution1764310000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."supervision_order" ADD "resolved_by" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "${s}"."supervision_order" ADD "resolution" character varying(2000)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."supervision_order" DROP COLUMN "resolution"`);
    await queryRunner.query(`ALTER TABLE "${s}"."supervision_order" DROP COLUMN "resolved_by"`);
  }
}
