import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const CALLBACK_REASONS = ['needs-information', 'evaluation-due', 'deadline-overdue'] as const;
export type CallbackReason = (typeof CALLBACK_REASONS)[number];

export const CALLBACK_STATUSES = ['open', 'claimed', 'completed', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const CALLBACK_OUTCOMES = [
  'reached-caller',
  'information-received',
  'evaluation-recorded',
  'no-answer',
  'wrong-number',
  'caller-declined',
] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/**
 * A call the hotline owes a citizen because their work order needs them: information is missing,
 * the matter was resolved and awaits an evaluation, or a deadline passed. At most one task per
 * (work order, reason) is open or claimed at a time (partial unique index), so redelivered or
 * repeated changes never queue the same call twice.
 */
@Entity({ name: 'callback_task' })
@Check('ck_callback_task_status', `"status" IN ('open', 'claimed', 'completed', 'cancelled')`)
@Check('ck_callback_task_claim', `"status" <> 'claimed' OR "claimed_by" IS NOT NULL`)
@Index('ux_callback_task_open_reason', ['workOrderId', 'reason'], {
  unique: true,
  where: "status IN ('open', 'claimed')",
})
@Index('ix_callback_task_queue', ['status', 'dueAt'])
@Index('ix_callback_task_work_order', ['workOrderId', 'createdAt'])
@Index('ix_callback_task_phone_hash', ['phoneHash'])
export class CallbackTask {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_callback_task' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  @Column({ type: 'varchar', length: 32 })
  reason!: CallbackReason;

  @Column({ type: 'varchar', length: 16 })
  status!: CallbackStatus;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  deadlineRule!: string;

  @Column({ type: 'text' })
  deadlineExplanation!: string;

  /** Keyed hash of the citizen's phone, as the work order carries it (matches the hotline's calls). */
  @Column({ type: 'char', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'char', length: 4, nullable: true })
  phoneLast4!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  citizenDisplayName!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  serviceType!: string | null;

  /** Why the task was raised, e.g. the deadline kind that passed. */
  @Column({ type: 'varchar', length: 300 })
  detail!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  completedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
