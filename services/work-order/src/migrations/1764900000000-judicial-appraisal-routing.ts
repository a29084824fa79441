import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { handlerRoutingRule } from '../routing/default-routing-rules';

const CODE = 'judicial-appraisal';
const REFERRAL_RULE = 'handler.referral-agencies';
const RULE_COLUMNS = '"id", "rule_key", "revision", "kind", "name", "params", "enabled", "created_by"';

interface CurrentRule {
  revision: number;
  kind: string;
  name: string;
  params: { serviceTypes: string[] };
  enabled: boolean;
}

/**
 * Judicial appraisal became a handler service (services/judicial-appraisal). On a schema created before,
 * its routing rule is missing, the referral-agencies rule still sends the type to centres and agencies,
 * and the seeded centres still list it. This adds `handler.judicial-appraisal` (revision 1), writes the
 * next revision of the referral rule without the type, and drops it from seeded organisations of other
 * kinds. A schema created afterwards already has all three from the seed: nothing happens there.
 * The appraisal institutions themselves are seeded at start-up (OrganisationSeedService).
 */
export class JudicialAppraisalRouting1764900000000 implements MigrationInterface {
  name = 'JudicialAppraisalRouting1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const rule = handlerRoutingRule(CODE);
    await queryRunner.query(
      `INSERT INTO "${s}"."routing_rule" (${RULE_COLUMNS})
       SELECT gen_random_uuid(), $1::varchar, 1, $2::varchar, $3::varchar, $4::jsonb, true, 'migration'
       WHERE NOT EXISTS (SELECT 1 FROM "${s}"."routing_rule" WHERE "rule_key" = $1::varchar)`,
      [rule.ruleKey, rule.kind, rule.name, JSON.stringify(rule.params)],
    );
    const superseded = (await queryRunner.query(
      `UPDATE "${s}"."routing_rule" SET "superseded_at" = now()
       WHERE "rule_key" = $1::varchar AND "superseded_at" IS NULL AND "params"->'serviceTypes' ? $2::text
       RETURNING "rule_key", "revision", "kind", "name", "params", "enabled"`,
      [REFERRAL_RULE, CODE],
    )) as [CurrentRule[], number];
    for (const current of superseded[0]) {
      const params = { ...current.params, serviceTypes: current.params.serviceTypes.filter((t) => t !== CODE) };
      await queryRunner.query(
        `INSERT INTO "${s}"."routing_rule" (${RULE_COLUMNS})
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::jsonb, $6, 'migration')`,
        [REFERRAL_RULE, current.revision + 1, current.kind, current.name, JSON.stringify(params), current.enabled],
      );
    }
    await queryRunner.query(
      `UPDATE "${s}"."organisation" SET "service_types" = array_remove("service_types", $1::text)
       WHERE "seeded" AND "handler" <> $1::varchar AND $1::text = ANY("service_types")`,
      [CODE],
    );
  }

  async down(): Promise<void> {
    // Rules are revisions and decisions point at them: nothing is taken back (revise through the admin API).
  }
}
