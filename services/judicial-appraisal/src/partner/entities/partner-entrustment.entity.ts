import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An entrustment a partner court sent over its authenticated API (type court). Its id is the intake id
 * published to work-order, so the work order, its case code and the offer routed to an institution are its
 * own; accepting that offer registers the entrustment under this same id (no second entrustment).
 */
@Entity({ name: 'partner_entrustment' })
@Index('ux_partner_entrustment_work_order_id', ['workOrderId'], { unique: true })
@Index('ix_partner_entrustment_client_id', ['clientId'])
export class PartnerEntrustment {
  @PrimaryColumn('uuid')
  id!: string;

  /** The partner client that sent it, from its access token. */
  @Column({ type: 'varchar', length: 100 })
  clientId!: string;

  /** The court, as the token names it (its organisation, else its client id). */
  @Column({ type: 'varchar', length: 200 })
  courtName!: string;

  @Column({ type: 'varchar', length: 64 })
  courtCaseNumber!: string;

  @Column({ type: 'varchar', length: 32 })
  category!: string;

  @Column({ type: 'varchar', length: 2000 })
  matter!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  /** workOrderIdForIntake(id): the work order this intake creates. */
  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
