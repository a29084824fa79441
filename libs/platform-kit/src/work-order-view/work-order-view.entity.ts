import type { Deadline, Platform } from '@legal/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One appended step of a work order's life, as the lifecycle stream delivered it. */
export interface TimelineEntry {
  seq: number;
  at: string;
  action: string;
  actorRole: string;
  actorId?: string;
  platform?: Platform;
  note?: string;
  /** The work-order status after this step. */
  status: string;
}

/**
 * This platform's read model of one work order, rebuilt from `workorder.changed`: the latest
 * version's fields plus every timeline entry seen (in `seq` order). Citizen identity is only the
 * minimised form the event carries (keyed hashes, last four phone digits, masked name).
 */
@Entity({ name: 'work_order_view' })
@Index('ux_work_order_view_case_code', ['caseCode'], { unique: true })
@Index('ix_work_order_view_phone_hash', ['phoneHash'])
@Index('ix_work_order_view_id_card_hash', ['idCardHash'])
@Index('ix_work_order_view_citizen_user', ['citizenUserId'])
@Index('ix_work_order_view_org_status', ['organisationId', 'status'])
@Index('ix_work_order_view_region', ['regionCode'])
@Index('ix_work_order_view_received', ['receivedAt'])
@Index('ix_work_order_view_next_due', ['nextDueAt'])
export class WorkOrderView {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_work_order_view' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ type: 'varchar', length: 40 })
  serviceType!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisationName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  handler!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  staffId!: string | null;

  @Column({ type: 'jsonb' })
  deadlines!: Deadline[];

  @Column({ type: 'jsonb' })
  timeline!: TimelineEntry[];

  /** Earliest `dueAt` of the running deadlines (null when none runs): the overdue filter's index. */
  @Column({ type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  deadlineBreached!: boolean;

  @Column({ type: 'char', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'char', length: 4, nullable: true })
  phoneLast4!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  idCardHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  citizenUserId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  citizenDisplayName!: string | null;

  /** Keyed hash of the access code given with the intake that created the work order: the anonymous tracking secret. */
  @Column({ type: 'char', length: 64, nullable: true })
  accessCodeHash!: string | null;

  @Column({ type: 'jsonb' })
  platforms!: Platform[];

  @Column({ type: 'varchar', length: 16 })
  originPlatform!: Platform;

  @Column({ type: 'varchar', length: 40, nullable: true })
  relatedCaseCode!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  complaintAgainstOrganisationId!: string | null;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  /** Time of the latest change (its timeline entry's `at`). */
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  /** When this platform applied the latest change. */
  @Column({ type: 'timestamptz' })
  projectedAt!: Date;
}
