import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of every step of an entrustment: who, when, what, and why. */
@Entity({ name: 'entrustment_history' })
@Index('ix_entrustment_history_entrustment_id', ['entrustmentId', 'id'])
export class EntrustmentHistory {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid')
  entrustmentId!: string;

  @Column({ type: 'varchar', length: 64 })
  step!: string;

  @Column({ type: 'varchar', length: 64 })
  actorId!: string;

  @Column({ type: 'varchar', length: 2000 })
  detail!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
