import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per offer (`offer_fact`): offer acceptance, time to acceptance and expired share, per region and organisation. */
export class OfferFacts1765500000000 implements MigrationInterface {
  name = 'OfferFacts1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."offer_fact" (
        "work_order_id" uuid NOT NULL,
        "offered_seq" integer NOT NULL,
        "attempt" smallint NOT NULL,
        "organisation_id" character varying(64),
        "organisation_name" character varying(200),
        "handler" character varying(32),
        "service_type" character varying(40) NOT NULL,
        "region_code" character varying(12) NOT NULL,
        "city_code" character(6) NOT NULL,
        "county_code" character(6) NOT NULL,
        "offered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "decided_seq" integer,
        "outcome" character varying(16),
        CONSTRAINT "pk_offer_fact" PRIMARY KEY ("work_order_id", "offered_seq")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_offer_fact_city_offered" ON "${s}"."offer_fact" ("city_code", "offered_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_offer_fact_county_offered" ON "${s}"."offer_fact" ("county_code", "offered_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_offer_fact_offered" ON "${s}"."offer_fact" ("offered_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."offer_fact"`);
  }
}
