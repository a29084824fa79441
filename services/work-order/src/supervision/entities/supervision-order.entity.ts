import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type SupervisionKind = 'supervision-order' | 'overdue-escalation' | 'referral-escalation';
export type SupervisionStatus = 'open' | 'resolved';

/** 督办: a supervision order on a work order, issued by a supervisor or raised automatically by an overdue deadline. */
@Entity({ name: 'supervision_order' })
@Index('ix_supervision_order_work_order_id', ['workOrderId'])
export class SupervisionOrderEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_supervision_order' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: SupervisionKind;

  @Column({ type: 'varchar', length: 2000 })
  reason!: string;

  /** The organisation that must act on it. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  issuedBy!: string;

  @Column({ type: 'varchar', length: 32 })
  issuedRole!: string;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status!: SupervisionStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** Who resolved it: a supervisor's subject, or the actor whose change ended the work order. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  resolvedBy!: string | null;

  /** How it was answered, or why it lapsed (the matter was resolved, closed or cancelled). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  resolution!: string | null;
}
