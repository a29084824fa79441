import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last ticket number handed out per organisation, day and counter. Incremented with one
 * INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so instances never hand out the same number.
 */
@Entity({ name: 'queue_counter_sequence' })
export class QueueCounterSequence {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_queue_counter_sequence' })
  organisationId!: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_queue_counter_sequence' })
  serviceDay!: string;

  @PrimaryColumn({ type: 'varchar', length: 2, primaryKeyConstraintName: 'pk_queue_counter_sequence' })
  counter!: string;

  @Column({ type: 'integer' })
  lastSeq!: number;
}
