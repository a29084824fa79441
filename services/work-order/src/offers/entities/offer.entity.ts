import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Handler } from '@legal/contracts';

export type OfferStatus = 'pending' | 'accepted' | 'rejected' | 'expired' | 'withdrawn';

/** An offer of a work order to an organisation (and maybe a staff member) that must be answered before `expiresAt`. */
@Entity({ name: 'offer' })
@Index('ix_offer_pending_expiry', ['status', 'expiresAt'])
@Index('ix_offer_work_order_id', ['workOrderId'])
export class OfferEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_offer' })
  id!: string;

  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'uuid' })
  decisionId!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  staffId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  handler!: Handler;

  /** 1 for the first offer of the work order, then 2, 3 ... */
  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: OfferStatus;

  @Column({ type: 'timestamptz' })
  offeredAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reasonCode!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason!: string | null;
}
