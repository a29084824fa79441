import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Event ids a consumer group has processed, inserted in the same transaction as the handler's
 * effects: a redelivered event finds its id here and has no second effect.
 */
@Entity({ name: 'inbox_message' })
@Index('ix_inbox_message_processed_at', ['processedAt'])
export class InboxMessage {
  /** The registration's group name (e.g. `intake`), without service name or topic prefix. */
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'pk_inbox_message' })
  consumerGroup!: string;

  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'pk_inbox_message' })
  eventId!: string;

  @Column({ type: 'varchar', length: 200 })
  eventType!: string;

  @Column({ type: 'varchar', length: 249 })
  sourceTopic!: string;

  @Column({ type: 'integer' })
  sourcePartition!: number;

  @Column({ type: 'bigint' })
  sourceOffset!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
