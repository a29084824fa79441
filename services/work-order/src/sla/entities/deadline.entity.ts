import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeadlineRule } from '@legal/domain';

export type DeadlineStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
export type DeadlineSource = 'law' | 'handler' | 'supervision';

export interface StoredPause {
  pausedAt: string;
  resumedAt: string;
}

export interface StoredExtension {
  units: number;
  reason: string;
  by: string;
  at: string;
}

/**
 * An SLA clock. It keeps what it was computed from (rule, units, start, pauses, extensions), so the
 * due date can always be recomputed and explained; alert columns make each warning fire once.
 */
@Entity({ name: 'deadline' })
@Index('ix_deadline_work_order_id', ['workOrderId'])
@Index('ix_deadline_status_due_at', ['status', 'dueAt'])
export class DeadlineEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_deadline' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  /** e.g. legal-aid-decision, lawyer-appointment, defence-appointment, notarization-certificate, mediation-term, callback, supervision-order. */
  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  @Column({ type: 'varchar', length: 16 })
  rule!: DeadlineRule;

  /** The period in the rule's units (days, working days, hours); null for deadlines reported by a handler. */
  @Column({ type: 'integer', nullable: true })
  units!: number | null;

  @Column({ type: 'timestamptz' })
  startAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  status!: DeadlineStatus;

  @Column({ type: 'varchar', length: 16 })
  source!: DeadlineSource;

  @Column({ type: 'text' })
  explanation!: string;

  @Column({ type: 'timestamptz', nullable: true })
  pausedAt!: Date | null;

  @Column({ type: 'jsonb' })
  pauses!: StoredPause[];

  @Column({ type: 'jsonb' })
  extensions!: StoredExtension[];

  @Column({ type: 'uuid', nullable: true })
  supervisionOrderId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueSoonAlertedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  overdueAlertedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
