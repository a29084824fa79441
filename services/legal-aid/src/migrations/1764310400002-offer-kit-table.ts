import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal-aid's `offer` table forward to the handler kit's (the committed schema migration stays as it
 * was): `idx_` indexes become the common `ix_` names; `outcome_code`/`outcome_reason` split into
 * `rejection_reason_code`/`rejection_reason`/`withdrawal_reason`; `application_id` becomes `matter_id`,
 * `event_id` `dispatch_event_id`; the four separately sealed applicant columns become one
 * `applicant_sealed` in the kit's per-field form (a JSON object of the same sealed values, opened field
 * by field: nothing is decrypted here); the phone and ID hashes keep their columns.
 * The consumer group moves from `offers` to `dispatch`: its inbox rows are copied under the new name so
 * the new group, which re-reads the dispatch topic from the start, skips every event already handled.
 */
export class OfferKitTable1764310400002 implements MigrationInterface {
  name = 'OfferKitTable1764310400002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const q = (sql: string): Promise<unknown> => queryRunner.query(sql);
    const offer = `"${s}"."offer"`;
    await q(
      `ALTER TABLE ${offer} ADD "applicant_sealed" text, ADD "rejection_reason_code" character varying(32), ` +
        `ADD "rejection_reason" character varying(1000), ADD "withdrawal_reason" character varying(16), ` +
        `ADD "correlation_id" character varying(128)`,
    );
    await q(
      `UPDATE ${offer} SET "rejection_reason_code" = "outcome_code", "rejection_reason" = "outcome_reason" ` +
        `WHERE "status" = 'rejected'`,
    );
    await q(`UPDATE ${offer} SET "withdrawal_reason" = left("outcome_code", 16) WHERE "status" = 'withdrawn'`);
    await q(
      `UPDATE ${offer} SET "withdrawal_reason" = ` +
        `left(substring("outcome_reason" from '^withdrawn by the router after acceptance: (.*)$'), 16) ` +
        `WHERE "status" = 'accepted' AND "outcome_reason" LIKE 'withdrawn by the router after acceptance: %'`,
    );
    await q(
      `UPDATE ${offer} SET "applicant_sealed" = NULLIF(jsonb_strip_nulls(jsonb_build_object(` +
        `'name', "applicant_name_sealed", 'idCardNumber', "applicant_id_card_sealed", ` +
        `'phone', "applicant_phone_sealed", 'address', "applicant_address_sealed"))::text, '{}')`,
    );
    await q(
      `ALTER TABLE ${offer} DROP COLUMN "outcome_code", DROP COLUMN "outcome_reason", ` +
        `DROP COLUMN "applicant_name_sealed", DROP COLUMN "applicant_id_card_sealed", ` +
        `DROP COLUMN "applicant_phone_sealed", DROP COLUMN "applicant_address_sealed"`,
    );
    await q(`ALTER TABLE ${offer} RENAME COLUMN "application_id" TO "matter_id"`);
    await q(`UPDATE ${offer} SET "event_id" = "id"::text WHERE "event_id" IS NULL`);
    await q(`ALTER TABLE ${offer} RENAME COLUMN "event_id" TO "dispatch_event_id"`);
    await q(
      `ALTER TABLE ${offer} ALTER COLUMN "dispatch_event_id" TYPE character varying(128), ` +
        `ALTER COLUMN "dispatch_event_id" SET NOT NULL`,
    );
    await q(`ALTER INDEX "${s}"."idx_offer_status_expires" RENAME TO "ix_offer_status_expires_at"`);
    await q(`ALTER INDEX "${s}"."idx_offer_work_order" RENAME TO "ix_offer_work_order_id"`);
    await q(`DROP INDEX "${s}"."idx_offer_organisation_status"`);
    const kept = `"event_id", "event_type", "source_topic", "source_partition", "source_offset", "processed_at"`;
    await q(
      `INSERT INTO "${s}"."inbox_message" ("consumer_group", ${kept}) ` +
        `SELECT 'dispatch', ${kept} FROM "${s}"."inbox_message" WHERE "consumer_group" = 'offers' ` +
        `ON CONFLICT DO NOTHING`,
    );
  }

  /** Back to legal-aid's own table; applicants sealed whole by the kit since (not per field) come back empty. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const q = (sql: string): Promise<unknown> => queryRunner.query(sql);
    const offer = `"${s}"."offer"`;
    await q(`DELETE FROM "${s}"."inbox_message" WHERE "consumer_group" = 'dispatch'`);
    await q(`CREATE INDEX "idx_offer_organisation_status" ON ${offer} ("organisation_id", "status")`);
    await q(`ALTER INDEX "${s}"."ix_offer_work_order_id" RENAME TO "idx_offer_work_order"`);
    await q(`ALTER INDEX "${s}"."ix_offer_status_expires_at" RENAME TO "idx_offer_status_expires"`);
    await q(
      `ALTER TABLE ${offer} ALTER COLUMN "dispatch_event_id" DROP NOT NULL, ` +
        `ALTER COLUMN "dispatch_event_id" TYPE character varying(100)`,
    );
    await q(`ALTER TABLE ${offer} RENAME COLUMN "dispatch_event_id" TO "event_id"`);
    await q(`ALTER TABLE ${offer} RENAME COLUMN "matter_id" TO "application_id"`);
    await q(
      `ALTER TABLE ${offer} ADD "outcome_code" character varying(32), ADD "outcome_reason" character varying(1000), ` +
        `ADD "applicant_name_sealed" text, ADD "applicant_id_card_sealed" text, ` +
        `ADD "applicant_phone_sealed" text, ADD "applicant_address_sealed" text`,
    );
    const field = (key: string): string =>
      `CASE WHEN left("applicant_sealed", 1) = '{' THEN "applicant_sealed"::jsonb ->> '${key}' END`;
    await q(
      `UPDATE ${offer} SET "applicant_name_sealed" = ${field('name')}, ` +
        `"applicant_id_card_sealed" = ${field('idCardNumber')}, ` +
        `"applicant_phone_sealed" = ${field('phone')}, "applicant_address_sealed" = ${field('address')}`,
    );
    await q(
      `UPDATE ${offer} SET "outcome_code" = CASE "status" WHEN 'rejected' THEN "rejection_reason_code" ` +
        `WHEN 'withdrawn' THEN "withdrawal_reason" WHEN 'expired' THEN 'expired' END, ` +
        `"outcome_reason" = CASE "status" WHEN 'rejected' THEN "rejection_reason" ` +
        `WHEN 'withdrawn' THEN 'withdrawn by the router: ' || "withdrawal_reason" ` +
        `WHEN 'expired' THEN 'not accepted before expiresAt' ` +
        `WHEN 'accepted' THEN 'withdrawn by the router after acceptance: ' || "withdrawal_reason" END`,
    );
    await q(
      `ALTER TABLE ${offer} DROP COLUMN "applicant_sealed", DROP COLUMN "rejection_reason_code", ` +
        `DROP COLUMN "rejection_reason", DROP COLUMN "withdrawal_reason", DROP COLUMN "correlation_id"`,
    );
  }
}
