import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const REFERRAL_STATUSES = ['pending', 'accepted', 'rejected', 'expired'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * One link of a referral (转介) chain: a matter handed from one organisation to another, which must
 * accept or reject it by `respondBy`. A rejection, or silence past the deadline, closes this link and
 * opens the next one to the coordinating level (`escalatedToId`); each link's events land on the
 * work order's timeline. At most one link per work order is pending at a time.
 */
@Entity({ name: 'referral' })
@Check('ck_referral_status', `"status" IN ('pending', 'accepted', 'rejected', 'expired')`)
@Index('ux_referral_pending_work_order', ['workOrderId'], { unique: true, where: "status = 'pending'" })
@Index('ix_referral_to_status', ['toOrganisationId', 'status', 'respondBy'])
@Index('ix_referral_from', ['fromOrganisationId', 'createdAt'])
@Index('ix_referral_work_order', ['workOrderId', 'createdAt'])
@Index('ix_referral_due', ['status', 'respondBy'])
export class Referral {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_referral' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  /** Region of the work order (for jurisdiction checks on the chain). */
  @Column({ type: 'varchar', length: 12 })
  workOrderRegionCode!: string;

  @Column({ type: 'varchar', length: 64 })
  fromOrganisationId!: string;

  @Column({ type: 'varchar', length: 64 })
  toOrganisationId!: string;

  @Column({ type: 'varchar', length: 12 })
  toRegionCode!: string;

  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ReferralStatus;

  @Column({ type: 'timestamptz' })
  respondBy!: Date;

  @Column({ type: 'text' })
  deadlineExplanation!: string;

  /** Where a rejection or lapse goes; null for the province centre, which must take the matter. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  coordinatingOrganisationId!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  coordinatingRegionCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  escalatedFromId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  escalatedToId!: string | null;

  /** Clerk who raised it; null when the system escalated it. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  answerReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
