import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One event waiting to be (or recently) published, written in the same transaction as the state
 * change it announces. Rows are marked sent (`sent_at`) by the relay and purged after a short
 * retention, so the table stays small and recent history can be inspected.
 */
@Entity({ name: 'outbox_message' })
@Index('ix_outbox_message_unsent', ['id'], { where: '"sent_at" IS NULL' })
@Index('ix_outbox_message_unsent_key', ['partitionKey', 'id'], { where: '"sent_at" IS NULL' })
@Index('ix_outbox_message_sent_at', ['sentAt'], { where: '"sent_at" IS NOT NULL' })
export class OutboxMessage {
  /** Insertion order (not commit order: the relay never uses it as a watermark). */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_outbox_message',
  })
  id!: string;

  @Index('uq_outbox_message_event_id', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  eventId!: string;

  /** Logical topic (without KAFKA_TOPIC_PREFIX). */
  @Column({ type: 'varchar', length: 249 })
  topic!: string;

  /** CloudEvents subject = Kafka key = partition key. */
  @Column({ type: 'varchar', length: 200 })
  partitionKey!: string;

  @Column({ type: 'varchar', length: 200 })
  eventType!: string;

  @Column({ type: 'varchar', length: 200 })
  source!: string;

  @Column({ type: 'timestamptz' })
  eventTime!: Date;

  @Column({ type: 'varchar', length: 200 })
  correlationId!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  causationId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Publish attempts (failed ones included). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
