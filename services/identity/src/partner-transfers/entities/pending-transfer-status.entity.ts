import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A status of a work order from 12345 (its `platforms` include 12345) that arrived before the intake's
 * registration told identity which transfer it belongs to (work-order changes and intake outcomes travel
 * on different topics, so nothing orders them). Kept per (work order, timeline seq) and told on the 12345
 * feed, in seq order, as soon as the case code is known; then deleted.
 */
@Entity({ name: 'partner_transfer_pending_status' })
export class PendingTransferStatus {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_partner_transfer_pending_status' })
  workOrderId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_partner_transfer_pending_status' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  /** The WorkOrderChanged data (case code, service type, organisation name) and the event time. */
  @Column({ type: 'jsonb' })
  change!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
