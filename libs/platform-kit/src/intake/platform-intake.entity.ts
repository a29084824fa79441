import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const INTAKE_STATUSES = [
  'submitted',
  'registered',
  'linked-to-existing',
  'closed-on-spot',
  'triage',
  'rejected',
] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/**
 * One request this platform handed to the work-order service, and what became of it. The
 * platform's own record (call, web submission, counter visit) lives in the platform's tables and
 * points here by `intakeId`; this row only tracks the outcome (case code, duplicate link, rejection).
 */
@Entity({ name: 'platform_intake' })
@Index('ix_platform_intake_record', ['platformRecordId'])
@Index('ix_platform_intake_work_order', ['workOrderId'])
export class PlatformIntake {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_platform_intake' })
  intakeId!: string;

  @Column({ type: 'varchar', length: 16 })
  platform!: string;

  @Column({ type: 'varchar', length: 64 })
  platformRecordId!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: IntakeStatus;

  @Column({ type: 'varchar', length: 40, nullable: true })
  serviceType!: string | null;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  relatedCaseCode!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  caseCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  workOrderId!: string | null;

  @Column({ type: 'jsonb' })
  possiblyRelatedCaseCodes!: string[];

  @Column({ type: 'jsonb', nullable: true })
  rejectionReasons!: string[] | null;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;
}
