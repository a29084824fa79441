import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { measureColumnSql, WorkOrderMeasure, workOrderRollupFunctionSql } from '../facts/fact-measures';

/** The roll-up columns this migration adds, and every column the roll-up function sums after it. */
const ADDED: readonly WorkOrderMeasure[] = [
  'registered',
  'registration_seconds_sum',
  'aid_granted',
  'aid_denied',
  'aid_exempt',
  'mediation_ended',
  'mediation_agreements',
  'agreements_confirmed',
];
/** The roll-up's columns after this migration (the next one that adds columns extends the list). */
export const MEASURES_1765200000000: readonly WorkOrderMeasure[] = [
  'total',
  'dispatched',
  'accepted',
  'routing_fallback',
  'supervisor_queue',
  'supervised',
  'supervision_resolved',
  'evaluated',
  'good_evaluations',
  'resolved',
  'reopened',
  'duplicates',
  'related',
  'dispatch_seconds_sum',
  'acceptance_seconds_sum',
  ...ADDED,
];

/**
 * Facts for the indicators the stream now carries: the case code's issue time (time to case code), the handlers'
 * outcomes (legal-aid grant and exempt category, mediation outcome, judicial confirmation; kept per work order in
 * `handler_outcome_fact` and copied onto its fact row), the organisation on each deadline (deadlines met per
 * organisation) and the organisation's name; the roll-up counts them too.
 */
export class OutcomeFacts1765200000000 implements MigrationInterface {
  name = 'OutcomeFacts1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${s}"."work_order_fact"
        ADD "organisation_name" character varying(200),
        ADD "registered_at" TIMESTAMP WITH TIME ZONE,
        ADD "aid_decision" character varying(8),
        ADD "exempt_category" character varying(64),
        ADD "mediation_outcome" character varying(20),
        ADD "judicial_confirmation" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "${s}"."deadline_fact" ADD "organisation_id" character varying(64)`);
    await queryRunner.query(`
      UPDATE "${s}"."deadline_fact" d SET "organisation_id" = f."organisation_id"
      FROM "${s}"."work_order_fact" f WHERE f."work_order_id" = d."work_order_id" AND f."organisation_id" IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."handler_outcome_fact" (
        "work_order_id" uuid NOT NULL,
        "aid_decision" character varying(8),
        "exempt_category" character varying(64),
        "aid_decided_at" TIMESTAMP WITH TIME ZONE,
        "mediation_outcome" character varying(20),
        "mediation_ended_at" TIMESTAMP WITH TIME ZONE,
        "judicial_confirmation" character varying(10),
        "confirmation_decided_at" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_handler_outcome_fact" PRIMARY KEY ("work_order_id")
      )`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."daily_rollup" ${ADDED.map((m) => `ADD ${measureColumnSql(m)}`).join(', ')}`,
    );
    await queryRunner.query(workOrderRollupFunctionSql(s, MEASURES_1765200000000));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      workOrderRollupFunctionSql(s, MEASURES_1765200000000.slice(0, MEASURES_1765200000000.length - ADDED.length)),
    );
    await queryRunner.query(`ALTER TABLE "${s}"."daily_rollup" ${ADDED.map((m) => `DROP "${m}"`).join(', ')}`);
    await queryRunner.query(`DROP TABLE "${s}"."handler_outcome_fact"`);
    await queryRunner.query(`ALTER TABLE "${s}"."deadline_fact" DROP "organisation_id"`);
    await queryRunner.query(`
      ALTER TABLE "${s}"."work_order_fact" DROP "organisation_name", DROP "registered_at", DROP "aid_decision",
        DROP "exempt_category", DROP "mediation_outcome", DROP "judicial_confirmation"`);
  }
}
