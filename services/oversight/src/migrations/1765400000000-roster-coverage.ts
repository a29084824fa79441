import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hotline's roster coverage per day (`roster_coverage_day`): the 7x24 coverage indicator (plan item 2). */
export class RosterCoverage1765400000000 implements MigrationInterface {
  name = 'RosterCoverage1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."roster_coverage_day" (
        "day" date NOT NULL,
        "covered_minutes" integer NOT NULL,
        "hour_minutes" integer array NOT NULL,
        "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_roster_coverage_day" PRIMARY KEY ("day")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."roster_coverage_day"`);
  }
}
