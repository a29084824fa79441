import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_ROUTING_RULES } from '../routing/default-routing-rules';

/** Revision 1 of every routing rule (rules are data: later changes are new revisions via the admin API). */
export class SeedRoutingRules1764310000100 implements MigrationInterface {
  name = 'SeedRoutingRules1764310000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `INSERT INTO "${s}"."routing_rule" ("id", "rule_key", "revision", "kind", "name", "params", "enabled", "created_by")
       SELECT gen_random_uuid(), r.rule_key, 1, r.kind, r.name, r.params, true, 'migration'
       FROM jsonb_to_recordset($1::jsonb) AS r(rule_key varchar, kind varchar, name varchar, params jsonb)`,
      [
        JSON.stringify(
          DEFAULT_ROUTING_RULES.map((r) => ({ rule_key: r.ruleKey, kind: r.kind, name: r.name, params: r.params })),
        ),
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DELETE FROM "${s}"."routing_rule" WHERE "created_by" = 'migration' AND "revision" = 1`);
  }
}
