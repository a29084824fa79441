import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A work order keeps a blind index of the applicant's name (relations/name-index.ts), so the similar-name search
 * compares keyed hashes instead of decrypting every same-surname applicant (issue 14). Existing rows stay NULL:
 * their names are sealed, so they cannot be indexed here without the keyring; the search still decrypts those
 * few (RelationFinderService), and they leave its 90-day window on their own.
 */
export class WorkOrderNameIndex1765100000000 implements MigrationInterface {
  name = 'WorkOrderNameIndex1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."work_order" ADD "name_hashes" text array`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."work_order" DROP COLUMN "name_hashes"`);
  }
}
