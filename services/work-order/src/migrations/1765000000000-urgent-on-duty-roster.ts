import { SERVICE_TYPES } from '@legal/domain';
import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Urgent matters go to whoever is on duty now (issue 17 item 4): the next revision of the `time-slot` routing rule
 * names the service types whose urgent matters are offered only to organisations and staff on duty at the moment of
 * the decision (7x24 included), the supervisor queue taking them when nobody is. Every type but legal aid, whose
 * urgent matters (notified-defence notices, a 3-day appointment clock) are answered by the centre's own duty
 * lawyers and must not wait in the supervisor queue overnight. "Legal aid" is every type legal aid handles (legal-aid,
 * duty-lawyer, notified-defence), not the one code `legal-aid`. A revision that already names the list is kept.
 */
export const URGENT_ON_DUTY_SERVICE_TYPES = SERVICE_TYPES.filter((t) => t.handler !== 'legal-aid').map((t) => t.code);

export class UrgentOnDutyRoster1765000000000 implements MigrationInterface {
  name = 'UrgentOnDutyRoster1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const current = (await queryRunner.query(
      `SELECT "id", "revision" FROM "${s}"."routing_rule"
       WHERE "rule_key" = 'time-slot' AND "superseded_at" IS NULL AND NOT ("params" ? 'urgentOnDutyServiceTypes')`,
    )) as { id: string; revision: number }[];
    const rule = current[0];
    if (!rule) return;
    await queryRunner.query(`UPDATE "${s}"."routing_rule" SET "superseded_at" = now() WHERE "id" = $1`, [rule.id]);
    await queryRunner.query(
      `INSERT INTO "${s}"."routing_rule" ("id", "rule_key", "revision", "kind", "name", "params", "enabled", "created_by")
       SELECT gen_random_uuid(), "rule_key", "revision" + 1, "kind",
              left("name" || '; urgent matters go to whoever is on duty now (legal aid excepted)', 200),
              "params" || jsonb_build_object('urgentOnDutyServiceTypes', $2::jsonb), "enabled", 'migration'
       FROM "${s}"."routing_rule" WHERE "id" = $1`,
      [rule.id, JSON.stringify(URGENT_ON_DUTY_SERVICE_TYPES)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    const added = (await queryRunner.query(
      `SELECT "id", "revision" FROM "${s}"."routing_rule"
       WHERE "rule_key" = 'time-slot' AND "superseded_at" IS NULL AND "created_by" = 'migration' AND "params" ? 'urgentOnDutyServiceTypes'`,
    )) as { id: string; revision: number }[];
    const rule = added[0];
    if (!rule) return;
    await queryRunner.query(`DELETE FROM "${s}"."routing_rule" WHERE "id" = $1`, [rule.id]);
    await queryRunner.query(
      `UPDATE "${s}"."routing_rule" SET "superseded_at" = NULL WHERE "rule_key" = 'time-slot' AND "revision" = $1`,
      [rule.revision - 1],
    );
  }
}
