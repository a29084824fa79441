import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A partner client's area (GB/T 2260): what it may speak for (defence notices) and hear about. */
export class PartnerClientRegion1764320000001 implements MigrationInterface {
  name = 'PartnerClientRegion1764320000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."partner_client" ADD COLUMN IF NOT EXISTS "region_code" varchar(12)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."partner_client" DROP COLUMN "region_code"`);
  }
}
