import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signing keys, staff, citizens, one-time codes, partner clients and refresh tokens. */
export class IdentitySchema1764320000000 implements MigrationInterface {
  name = 'IdentitySchema1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."signing_key" (
        "kid" varchar(64) NOT NULL,
        "alg" varchar(10) NOT NULL,
        "status" varchar(10) NOT NULL,
        "public_jwk" jsonb NOT NULL,
        "private_key_sealed" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "activated_at" timestamptz,
        "retired_at" timestamptz,
        "publish_until" timestamptz,
        CONSTRAINT "pk_signing_key" PRIMARY KEY ("kid")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_signing_key_status" ON "${s}"."signing_key" ("status")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."staff_user" (
        "id" uuid NOT NULL,
        "username" varchar(64) NOT NULL,
        "password_hash" varchar(255) NOT NULL,
        "display_name" varchar(100) NOT NULL,
        "roles" text array NOT NULL,
        "organisation_id" varchar(64) NOT NULL,
        "region_code" varchar(12) NOT NULL,
        "disabled" boolean NOT NULL DEFAULT false,
        "last_sign_in_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_staff_user" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_staff_user_username" ON "${s}"."staff_user" ("username")`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."citizen_account" (
        "id" varchar(64) NOT NULL,
        "phone_hash" varchar(64) NOT NULL,
        "phone_sealed" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_sign_in_at" timestamptz,
        CONSTRAINT "pk_citizen_account" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_citizen_account_phone_hash" ON "${s}"."citizen_account" ("phone_hash")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."otp_challenge" (
        "id" uuid NOT NULL,
        "phone_hash" varchar(64) NOT NULL,
        "code_hash" varchar(64) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "max_attempts" integer NOT NULL,
        "closed_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_otp_challenge" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_otp_challenge_phone_hash_created_at" ON "${s}"."otp_challenge" ("phone_hash", "created_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "${s}"."partner_client" (
        "client_id" varchar(64) NOT NULL,
        "secret_hash" varchar(255) NOT NULL,
        "name" varchar(200) NOT NULL,
        "organisation_id" varchar(64),
        "agreement" jsonb NOT NULL,
        "disabled" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_token_at" timestamptz,
        CONSTRAINT "pk_partner_client" PRIMARY KEY ("client_id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "${s}"."refresh_token" (
        "id" uuid NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "family_id" uuid NOT NULL,
        "subject_kind" varchar(16) NOT NULL,
        "subject_id" varchar(64) NOT NULL,
        "issued_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "family_expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "replaced_by_id" uuid,
        "revoked_at" timestamptz,
        "revoked_reason" varchar(32),
        CONSTRAINT "pk_refresh_token" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_refresh_token_token_hash" ON "${s}"."refresh_token" ("token_hash")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_family_id" ON "${s}"."refresh_token" ("family_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of [
      'refresh_token',
      'partner_client',
      'otp_challenge',
      'citizen_account',
      'staff_user',
      'signing_key',
    ]) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
