import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const COUNTER = { type: 'integer', default: 0 } as const;

/**
 * Work-order facts summed per Asia/Shanghai day of receipt, county, platform, service type and organisation ('' when
 * none). Kept by a trigger on `work_order_fact` in the same transaction as the fact change: the old row's
 * contribution is subtracted and the new one added, so a replayed event (which leaves the fact as it was) changes
 * nothing. Whole-day indicator queries read these rows instead of the facts.
 */
@Entity({ name: 'daily_rollup' })
@Index('ix_daily_rollup_city_day', ['cityCode', 'day'])
@Index('ix_daily_rollup_county_day', ['countyCode', 'day'])
export class DailyRollup {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_daily_rollup' })
  day!: string;

  @PrimaryColumn({ type: 'char', length: 6, primaryKeyConstraintName: 'pk_daily_rollup' })
  countyCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_daily_rollup' })
  originPlatform!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_daily_rollup' })
  serviceType!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_daily_rollup' })
  organisationId!: string;

  @Column({ type: 'char', length: 6 })
  cityCode!: string;

  @Column(COUNTER) total!: number;
  @Column(COUNTER) dispatched!: number;
  @Column({ type: 'numeric', default: 0 }) dispatchSecondsSum!: string;
  @Column(COUNTER) accepted!: number;
  @Column({ type: 'numeric', default: 0 }) acceptanceSecondsSum!: string;
  @Column(COUNTER) routingFallback!: number;
  @Column(COUNTER) supervisorQueue!: number;
  @Column(COUNTER) supervised!: number;
  @Column(COUNTER) supervisionResolved!: number;
  @Column(COUNTER) evaluated!: number;
  @Column(COUNTER) goodEvaluations!: number;
  @Column(COUNTER) resolved!: number;
  @Column(COUNTER) reopened!: number;
  @Column(COUNTER) duplicates!: number;
  @Column(COUNTER) related!: number;
  @Column(COUNTER) registered!: number;
  @Column({ type: 'numeric', default: 0 }) registrationSecondsSum!: string;
  @Column(COUNTER) aidGranted!: number;
  @Column(COUNTER) aidDenied!: number;
  @Column(COUNTER) aidExempt!: number;
  @Column(COUNTER) mediationEnded!: number;
  @Column(COUNTER) mediationAgreements!: number;
  @Column(COUNTER) agreementsConfirmed!: number;
  @Column(COUNTER) callbacksCompleted!: number;
  @Column(COUNTER) callbacksOnTime!: number;
}

/** Deadline facts counted per day of the work order's receipt, county, kind and status; kept by a trigger likewise. */
@Entity({ name: 'daily_deadline_rollup' })
@Index('ix_daily_deadline_rollup_city_day', ['cityCode', 'day'])
@Index('ix_daily_deadline_rollup_county_day', ['countyCode', 'day'])
export class DailyDeadlineRollup {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_daily_deadline_rollup' })
  day!: string;

  @PrimaryColumn({ type: 'char', length: 6, primaryKeyConstraintName: 'pk_daily_deadline_rollup' })
  countyCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_daily_deadline_rollup' })
  kind!: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_daily_deadline_rollup' })
  status!: string;

  @Column({ type: 'char', length: 6 })
  cityCode!: string;

  @Column(COUNTER) n!: number;
}
