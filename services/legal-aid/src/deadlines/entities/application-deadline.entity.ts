import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DEADLINE_KINDS = ['legal-aid-decision', 'lawyer-appointment'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export interface StoredPause {
  pausedAt: string;
  resumedAt?: string;
}

/**
 * A statutory clock of one application: the 7-day decision (法律援助法 第43条) or the 3-day
 * appointment (第44条 / 通知辩护), with the rule and the explanation of how the date was reached.
 * A clock that passes its due time while running is marked breached; `completedAt` records when the
 * step happened (also for a breached clock).
 */
@Entity({ name: 'application_deadline' })
@Index('uq_application_deadline_kind', ['applicationId', 'kind'], { unique: true })
@Index('idx_application_deadline_status_due', ['status', 'dueAt'])
export class ApplicationDeadline {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_application_deadline' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: DeadlineKind;

  @Column({ type: 'varchar', length: 16 })
  rule!: 'calendar-days' | 'working-days' | 'hours';

  @Column({ type: 'int' })
  days!: number;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text' })
  explanation!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DeadlineStatus;

  @Column({ type: 'jsonb' })
  pauses!: StoredPause[];

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
