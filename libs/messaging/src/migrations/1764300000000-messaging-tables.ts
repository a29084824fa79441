import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox and the idempotent inbox, in the service's own schema. Its timestamp
 * sorts before every service migration, so a service's own migrations may rely on these tables.
 */
export class MessagingTables1764300000000 implements MigrationInterface {
  name = 'MessagingTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${s}"."outbox_message" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "event_id" character varying(200) NOT NULL, ` +
        `"topic" character varying(249) NOT NULL, "partition_key" character varying(200) NOT NULL, "event_type" character varying(200) NOT NULL, ` +
        `"source" character varying(200) NOT NULL, "event_time" TIMESTAMP WITH TIME ZONE NOT NULL, "correlation_id" character varying(200) NOT NULL, ` +
        `"causation_id" character varying(200), "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), ` +
        `"sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "pk_outbox_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_outbox_message_event_id" ON "${s}"."outbox_message" ("event_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_message_sent_at" ON "${s}"."outbox_message" ("sent_at") WHERE "sent_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_message_unsent_key" ON "${s}"."outbox_message" ("partition_key", "id") WHERE "sent_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_message_unsent" ON "${s}"."outbox_message" ("id") WHERE "sent_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "${s}"."inbox_message" ("consumer_group" character varying(200) NOT NULL, "event_id" character varying(200) NOT NULL, ` +
        `"event_type" character varying(200) NOT NULL, "source_topic" character varying(249) NOT NULL, "source_partition" integer NOT NULL, ` +
        `"source_offset" bigint NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "pk_inbox_message" PRIMARY KEY ("consumer_group", "event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_inbox_message_processed_at" ON "${s}"."inbox_message" ("processed_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."inbox_message"`);
    await queryRunner.query(`DROP TABLE "${s}"."outbox_message"`);
  }
}
