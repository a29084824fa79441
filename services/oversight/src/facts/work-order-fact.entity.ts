import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per work order, for analysis: when it was received, dispatched, accepted, resolved and evaluated,
 * where (region at every level), from which platform, of which service type and organisation, and the flags the
 * indicators count. Built from `workorder.changed` (each view carries the full current state and the timeline
 * entry it appended) and `feedback` (the evaluation score). No personal data: case code and codes only.
 */
@Entity({ name: 'work_order_fact' })
@Index('ix_work_order_fact_received', ['receivedAt'])
@Index('ix_work_order_fact_city_received', ['cityCode', 'receivedAt'])
@Index('ix_work_order_fact_county_received', ['countyCode', 'receivedAt'])
export class WorkOrderFact {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_work_order_fact' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  /** Version of the last view applied; an older view never overwrites the current state. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ type: 'varchar', length: 40 })
  serviceType!: string;

  /** The full region code (county, township or village). */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  /** 6-digit city code (e.g. 371300). */
  @Column({ type: 'char', length: 6 })
  cityCode!: string;

  /** 6-digit county code (e.g. 371324). */
  @Column({ type: 'char', length: 6 })
  countyCode!: string;

  @Column({ type: 'varchar', length: 16 })
  originPlatform!: string;

  @Column({ type: 'smallint' })
  platformCount!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisationName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  handler!: string | null;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  /** First offer to an organisation (派单). */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** First acceptance of an offer (受理). */
  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** When work-order registered the intake and issued the case code (一案一码). */
  @Column({ type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  /** Legal aid granted or denied (the handler's report), copied from `handler_outcome_fact`. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  aidDecision!: string | null;

  /** The exempt category (免予经济困难审查) a grant rests on. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  exemptCategory!: string | null;

  /** agreement-reached, mediation-failed or withdrawn. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  mediationOutcome!: string | null;

  /** The court's ruling on the mediation agreement: confirmed or rejected. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  judicialConfirmation!: string | null;

  /** Routing found no rule and the work order went to triage. */
  @Column({ type: 'boolean', default: false })
  routingFallback!: boolean;

  @Column({ type: 'boolean', default: false })
  supervisorQueue!: boolean;

  @Column({ type: 'integer', default: 0 })
  reopenCount!: number;

  /** Merged into another work order as a duplicate. */
  @Column({ type: 'boolean', default: false })
  duplicate!: boolean;

  /** Linked to an earlier related request (relatedCaseCode). */
  @Column({ type: 'boolean', default: false })
  related!: boolean;

  /** 督办: escalated by a supervisor. */
  @Column({ type: 'boolean', default: false })
  supervised!: boolean;

  @Column({ type: 'boolean', default: false })
  supervisionResolved!: boolean;

  /** Callbacks (回访) the hotline completed about this work order, and those completed by their due time. */
  @Column({ type: 'integer', default: 0 })
  callbacksCompleted!: number;

  @Column({ type: 'integer', default: 0 })
  callbacksOnTime!: number;

  @Column({ type: 'smallint', nullable: true })
  evaluationScore!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  evaluatedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
