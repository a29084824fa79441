import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows the broker kept rejecting, with their last error. Sorts right after the messaging
 * tables and before every service migration.
 */
export class OutboxQuarantine1764300000001 implements MigrationInterface {
  name = 'OutboxQuarantine1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${s}"."outbox_quarantine" ("outbox_id" bigint NOT NULL, "event_id" character varying(200) NOT NULL, ` +
        `"topic" character varying(249) NOT NULL, "partition_key" character varying(200) NOT NULL, "event_type" character varying(200) NOT NULL, ` +
        `"attempts" integer NOT NULL, "last_error" text NOT NULL, "quarantined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), ` +
        `CONSTRAINT "pk_outbox_quarantine" PRIMARY KEY ("outbox_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_quarantine_partition_key" ON "${s}"."outbox_quarantine" ("partition_key")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."outbox_quarantine"`);
  }
}
