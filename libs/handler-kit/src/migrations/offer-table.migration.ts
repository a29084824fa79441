import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * The `offer` table of a handler service, as a migration its migrations list includes (each service
 * keeps the table in its own schema). `timestamp` orders it among the service's migrations:
 * `export const OfferTable1764340000001 = offerTableMigration(1764340000001);`.
 */
export function offerTableMigration(timestamp: number): MigrationClass {
  return class implements MigrationInterface {
    name = `HandlerOfferTable${timestamp}`;

    async up(queryRunner: QueryRunner): Promise<void> {
      const s = schemaOf(queryRunner);
      await queryRunner.query(`
        CREATE TABLE "${s}"."offer" (
          "id" uuid NOT NULL,
          "work_order_id" uuid NOT NULL,
          "case_code" varchar(40) NOT NULL,
          "organisation_id" varchar(64) NOT NULL,
          "organisation_name" varchar(200) NOT NULL,
          "organisation_region_code" varchar(12) NOT NULL,
          "region_code" varchar(12) NOT NULL,
          "service_type" varchar(40) NOT NULL,
          "description" text NOT NULL,
          "urgency" varchar(16) NOT NULL,
          "vulnerable_group" boolean NOT NULL,
          "legal_deadline_at" timestamptz,
          "applicant_sealed" text,
          "applicant_phone_hash" varchar(64),
          "applicant_id_card_hash" varchar(64),
          "origin_platform" varchar(16) NOT NULL,
          "received_at" timestamptz NOT NULL,
          "offered_at" timestamptz NOT NULL,
          "expires_at" timestamptz NOT NULL,
          "attempt" integer NOT NULL,
          "status" varchar(16) NOT NULL,
          "decided_at" timestamptz,
          "decided_by" varchar(64),
          "rejection_reason_code" varchar(32),
          "rejection_reason" varchar(1000),
          "withdrawal_reason" varchar(16),
          "matter_id" uuid,
          "dispatch_event_id" varchar(128) NOT NULL,
          "correlation_id" varchar(128),
          "created_at" timestamptz NOT NULL DEFAULT now(),
          "updated_at" timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT "pk_offer" PRIMARY KEY ("id")
        )`);
      await queryRunner.query(`CREATE INDEX "ix_offer_status_expires_at" ON "${s}"."offer" ("status", "expires_at")`);
      await queryRunner.query(`CREATE INDEX "ix_offer_work_order_id" ON "${s}"."offer" ("work_order_id")`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."offer"`);
    }
  };
}

/**
 * For a service whose `offer` table predates the kit (mediation, notarization): adds the two columns
 * the kit's table has beyond it (`legal_deadline_at`, `matter_id`). A service created on the kit
 * uses `offerTableMigration` alone.
 */
export function offerKitColumnsMigration(timestamp: number): MigrationClass {
  return class implements MigrationInterface {
    name = `HandlerOfferKitColumns${timestamp}`;

    async up(queryRunner: QueryRunner): Promise<void> {
      const s = schemaOf(queryRunner);
      await queryRunner.query(`ALTER TABLE "${s}"."offer" ADD COLUMN "legal_deadline_at" timestamptz`);
      await queryRunner.query(`ALTER TABLE "${s}"."offer" ADD COLUMN "matter_id" uuid`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      const s = schemaOf(queryRunner);
      await queryRunner.query(`ALTER TABLE "${s}"."offer" DROP COLUMN "matter_id"`);
      await queryRunner.query(`ALTER TABLE "${s}"."offer" DROP COLUMN "legal_deadline_at"`);
    }
  };
}
