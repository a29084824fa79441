import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProtectedPerson } from '../../personal-data/protected-person.embedded';

export const OFFER_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** A work order offered to this service (WorkOrderDispatched for handler legal-aid), and what became of it. */
@Entity({ name: 'offer' })
@Index('idx_offer_organisation_status', ['organisationId', 'status'])
@Index('idx_offer_work_order', ['workOrderId'])
@Index('idx_offer_status_expires', ['status', 'expiresAt'])
export class Offer {
  /** The router's offer id. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_offer' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 200 })
  organisationName!: string;

  @Column({ type: 'varchar', length: 12 })
  organisationRegionCode!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 40 })
  serviceType!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  urgency!: string;

  @Column({ type: 'boolean' })
  vulnerableGroup!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  legalDeadlineAt!: Date | null;

  @Column(() => ProtectedPerson, { prefix: 'applicant' })
  applicant!: ProtectedPerson;

  @Column({ type: 'varchar', length: 16 })
  originPlatform!: string;

  /** When the work order was received on its platform. */
  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz' })
  offeredAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'int' })
  attempt!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: OfferStatus;

  /** Rejection reason code (OFFER_REJECTION_REASONS) or withdrawal reason. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  outcomeCode!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  outcomeReason!: string | null;

  /** Staff subject, or `system:auto-accept` / `system:router`. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  applicationId!: string | null;

  /** Id of the WorkOrderDispatched event, the cause of our reports. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  eventId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
