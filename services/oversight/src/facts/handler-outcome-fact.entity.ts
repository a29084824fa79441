import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The outcomes handlers reported for a work order (`legal.handler.report`, progressed and resolved with details):
 * the legal-aid decision and its exempt category, the mediation outcome, the judicial confirmation; the newest
 * report of each kind wins. Kept apart from `work_order_fact` because a report may be read before the work order's
 * first view (another topic); its values are copied onto the fact row whenever either changes.
 */
@Entity({ name: 'handler_outcome_fact' })
export class HandlerOutcomeFact {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_handler_outcome_fact' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  aidDecision!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  exemptCategory!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  aidDecidedAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  mediationOutcome!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  mediationEndedAt!: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  judicialConfirmation!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmationDecidedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
