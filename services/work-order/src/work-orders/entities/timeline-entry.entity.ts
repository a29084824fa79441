import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Platform, WorkOrderStatus } from '@legal/contracts';

/**
 * One line of a work order's append-only timeline (who, role, platform, when, why). Each entry
 * carries the hash of the previous one, so an edited or removed row breaks the chain. A database
 * trigger refuses UPDATE and DELETE; the hash chain catches what bypasses the trigger.
 */
@Entity({ name: 'timeline_entry' })
export class TimelineEntryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_timeline_entry' })
  workOrderId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_timeline_entry' })
  seq!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  platform!: Platform | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromStatus!: WorkOrderStatus | null;

  @Column({ type: 'varchar', length: 24 })
  toStatus!: WorkOrderStatus;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  /** Structured details (offer id, organisation, deadline...), no personal data. */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
