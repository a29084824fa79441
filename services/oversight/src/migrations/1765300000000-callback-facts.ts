import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { measureColumnSql, WorkOrderMeasure, workOrderRollupFunctionSql } from '../facts/fact-measures';
import { MEASURES_1765200000000 } from './1765200000000-outcome-facts';

const ADDED: readonly WorkOrderMeasure[] = ['callbacks_completed', 'callbacks_on_time'];

/**
 * The hotline's completed callbacks (回访), one row each in `callback_fact`, counted onto their work order's fact row
 * (completed, and completed by the due time) and into the roll-up: the callback-timeliness indicator.
 */
export class CallbackFacts1765300000000 implements MigrationInterface {
  name = 'CallbackFacts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."callback_fact" (
        "callback_id" uuid NOT NULL,
        "work_order_id" uuid NOT NULL,
        "reason" character varying(32) NOT NULL,
        "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "outcome" character varying(32) NOT NULL,
        CONSTRAINT "pk_callback_fact" PRIMARY KEY ("callback_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_callback_fact_work_order" ON "${s}"."callback_fact" ("work_order_id")`);
    await queryRunner.query(`
      ALTER TABLE "${s}"."work_order_fact"
        ADD "callbacks_completed" integer NOT NULL DEFAULT 0,
        ADD "callbacks_on_time" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."daily_rollup" ${ADDED.map((m) => `ADD ${measureColumnSql(m)}`).join(', ')}`,
    );
    await queryRunner.query(workOrderRollupFunctionSql(s, [...MEASURES_1765200000000, ...ADDED]));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(workOrderRollupFunctionSql(s, MEASURES_1765200000000));
    await queryRunner.query(`ALTER TABLE "${s}"."daily_rollup" ${ADDED.map((m) => `DROP "${m}"`).join(', ')}`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."work_order_fact" DROP "callbacks_completed", DROP "callbacks_on_time"`,
    );
    await queryRunner.query(`DROP TABLE "${s}"."callback_fact"`);
  }
}
