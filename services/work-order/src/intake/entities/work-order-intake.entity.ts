import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Platform } from '@legal/contracts';

export type IntakeOutcome = 'created' | 'linked-to-existing' | 'closed-on-spot' | 'triage' | 'rejected';

/** Every intake the service has seen and what became of it (a work order may gather several). */
@Entity({ name: 'work_order_intake' })
@Index('ix_work_order_intake_work_order_id', ['workOrderId'])
export class WorkOrderIntakeEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_work_order_intake' })
  intakeId!: string;

  @Column({ type: 'uuid', nullable: true })
  workOrderId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  platform!: Platform;

  @Column({ type: 'varchar', length: 64 })
  platformRecordId!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'varchar', length: 24 })
  outcome!: IntakeOutcome;

  /** Why an intake was rejected (business rules), empty otherwise. */
  @Column({ type: 'jsonb' })
  reasons!: string[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
