import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type EvaluationVerification = 'account' | 'phone-digits';

/** A satisfaction evaluation given on the portal: at most one per work order (unique index). */
@Entity({ name: 'portal_evaluation' })
@Index('ux_portal_evaluation_work_order', ['workOrderId'], { unique: true })
export class PortalEvaluation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_portal_evaluation' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** The work-order version the citizen saw resolved. */
  @Column({ type: 'integer' })
  workOrderVersion!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  citizenUserId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  verifiedBy!: EvaluationVerification;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
