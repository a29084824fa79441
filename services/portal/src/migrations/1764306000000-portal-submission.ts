import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Citizen submissions on the portal (requests, complaints, Open311), contact data hashed and encrypted. */
export class PortalSubmission1764306000000 implements MigrationInterface {
  name = 'PortalSubmission1764306000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."portal_submission" (
        "id" uuid NOT NULL,
        "intake_id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "service_type" character varying(40),
        "region_code" character varying(12) NOT NULL,
        "description" text NOT NULL,
        "attachments" jsonb NOT NULL,
        "related_case_code" character varying(40),
        "name_enc" text,
        "phone_hash" character(64),
        "phone_enc" text,
        "phone_last4" character(4),
        "id_card_hash" character(64),
        "id_card_enc" text,
        "email_enc" text,
        "address_enc" text,
        "latitude" double precision,
        "longitude" double precision,
        "citizen_user_id" character varying(64),
        "language" character varying(16) NOT NULL,
        "urgency" character varying(8) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_portal_submission" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_portal_submission_intake" ON "${s}"."portal_submission" ("intake_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_portal_submission_citizen_user" ON "${s}"."portal_submission" ("citizen_user_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_portal_submission_phone_hash" ON "${s}"."portal_submission" ("phone_hash")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."portal_submission"`);
  }
}
