import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One legal deadline of a work order (its latest state): kind, due date and whether it was met or breached. */
@Entity({ name: 'deadline_fact' })
@Index('ix_deadline_fact_status_due', ['status', 'dueAt'])
export class DeadlineFact {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_deadline_fact' })
  workOrderId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_deadline_fact' })
  kind!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** running, paused, met, breached or cancelled. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;
}
