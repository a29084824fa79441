import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const OFFER_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/**
 * A work order offered to a handler service (WorkOrderDispatched), and what became of the offer.
 * Every handler service keeps this table in its own schema (`offerTableMigration`); the router's
 * offer id is the primary key, so a redelivered or repeated dispatch of one offer finds its row.
 */
@Entity({ name: 'offer' })
@Index('ix_offer_status_expires_at', ['status', 'expiresAt'])
@Index('ix_offer_work_order_id', ['workOrderId'])
export class Offer {
  /** The router's offer id. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_offer' })
  id!: string;

  @Column('uuid')
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 200 })
  organisationName!: string;

  @Column({ type: 'varchar', length: 12 })
  organisationRegionCode!: string;

  /** Where the matter is (jurisdiction checks use it). */
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

  /** Legal deadline of the matter (limitation period, hearing ...), when the router knows one. */
  @Column({ type: 'timestamptz', nullable: true })
  legalDeadlineAt!: Date | null;

  /** The applicant's contact data, sealed with PiiProtector (`sealApplicant`); never stored in clear. */
  @Column({ type: 'text', nullable: true })
  applicantSealed!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  applicantPhoneHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  applicantIdCardHash!: string | null;

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

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Staff subject, or `system` for automatic acceptance, rejection and expiry. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  rejectionReasonCode!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  rejectionReason!: string | null;

  /** Why the router withdrew the offer (also kept when it withdrew an offer already accepted). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  withdrawalReason!: string | null;

  /** The handler's own record opened by accepting (case, application ...). */
  @Column({ type: 'uuid', nullable: true })
  matterId!: string | null;

  /** Id of the dispatch event: the causation of our reports about this offer. */
  @Column({ type: 'varchar', length: 128 })
  dispatchEventId!: string;

  /** Correlation id of the request chain. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** What a handler's matter (case, application) takes over from the offer accepting opened it. */
export interface MatterFields {
  offerId: string;
  workOrderId: string;
  caseCode: string;
  organisationId: string;
  organisationName: string;
  regionCode: string;
  description: string;
  applicantSealed: string | null;
  applicantPhoneHash: string | null;
  applicantIdCardHash: string | null;
  correlationId: string | null;
}

export function matterFieldsOf(offer: Offer): MatterFields {
  return {
    offerId: offer.id,
    workOrderId: offer.workOrderId,
    caseCode: offer.caseCode,
    organisationId: offer.organisationId,
    organisationName: offer.organisationName,
    regionCode: offer.regionCode,
    description: offer.description,
    applicantSealed: offer.applicantSealed,
    applicantPhoneHash: offer.applicantPhoneHash,
    applicantIdCardHash: offer.applicantIdCardHash,
    correlationId: offer.correlationId,
  };
}
