import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type TransferDirection = 'in' | 'out';
export type TransferStage = 'received' | 'registered' | 'linked' | 'rejected' | 'status' | 'transferred-out';

/** What the caller consented to, as the partner attests it (nothing of the caller's identity). */
export interface TransferConsent {
  obtainedAt: string;
  method: string;
  /** Transfers out: whether the caller agreed that 12345 calls them back (their contact went to 12345, sealed). */
  callback?: boolean;
}

/**
 * One matter transferred between the 12345 hotline (a partner client with channel 12345) and 12348. For
 * a transfer in, the id is also the intake id (platform 12345); the partner's reference is unique per
 * client and direction, so a repeated transfer is acknowledged again instead of entered twice.
 */
@Entity({ name: 'partner_transfer' })
@Index('ux_partner_transfer_reference', ['clientId', 'direction', 'reference'], { unique: true })
@Index('ix_partner_transfer_work_order', ['workOrderId'])
export class PartnerTransfer {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_partner_transfer' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  clientId!: string;

  @Column({ type: 'varchar', length: 64 })
  reference!: string;

  @Column({ type: 'varchar', length: 8 })
  direction!: TransferDirection;

  /** sha256 of the transferred request: the same reference with another matter is refused (409). */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'jsonb' })
  consent!: TransferConsent;

  @Column({ type: 'varchar', length: 24 })
  stage!: TransferStage;

  @Column({ type: 'varchar', length: 40, nullable: true })
  caseCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  workOrderId!: string | null;

  /** The last work-order status told to the partner (each status is told once). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  lastStatus!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
