import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An outbox row the broker kept rejecting (too large, topic missing or not authorised, ...) after
 * OUTBOX_MAX_ATTEMPTS attempts. The row itself stays unsent in `outbox_message`; while an entry for its
 * key is here, the relay publishes no row of that key (per-key order: later events wait behind it) and
 * every other key keeps flowing. An operator releases (retry) or discards it with the quarantine command.
 */
@Entity({ name: 'outbox_quarantine' })
export class OutboxQuarantineEntry {
  /** `outbox_message.id` of the quarantined row. */
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_outbox_quarantine' })
  outboxId!: string;

  @Column({ type: 'varchar', length: 200 })
  eventId!: string;

  /** Logical topic (without KAFKA_TOPIC_PREFIX). */
  @Column({ type: 'varchar', length: 249 })
  topic!: string;

  /** The held key: no row of it is published while this entry exists. */
  @Index('ix_outbox_quarantine_partition_key')
  @Column({ type: 'varchar', length: 200 })
  partitionKey!: string;

  @Column({ type: 'varchar', length: 200 })
  eventType!: string;

  /** Attempts the broker rejected, up to the cap. */
  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'text' })
  lastError!: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  quarantinedAt!: Date;
}
