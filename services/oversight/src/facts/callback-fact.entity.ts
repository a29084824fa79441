import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One callback (回访) the hotline completed (`legal.feedback.callback-completed.v1`): why it was raised, when it was
 * due and when it was done. Counted onto its work order's fact row (completed, and completed by the due time).
 */
@Entity({ name: 'callback_fact' })
@Index('ix_callback_fact_work_order', ['workOrderId'])
export class CallbackFact {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_callback_fact' })
  callbackId!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 32 })
  reason!: string;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz' })
  completedAt!: Date;

  @Column({ type: 'varchar', length: 32 })
  outcome!: string;
}
