import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Calendar administration: every load of a year's State Council holiday notice, versioned and audited. */
export class CalendarYearVersion1764880000000 implements MigrationInterface {
  name = 'CalendarYearVersion1764880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`CREATE TABLE "${s}"."calendar_year_version" (
      "year" integer NOT NULL,
      "version" integer NOT NULL,
      "holidays" jsonb NOT NULL,
      "workdays" jsonb NOT NULL,
      "source" character varying(200) NOT NULL,
      "loaded_by" character varying(64) NOT NULL,
      "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "changes" jsonb NOT NULL,
      CONSTRAINT "pk_calendar_year_version" PRIMARY KEY ("year", "version"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."calendar_year_version"`);
  }
}
