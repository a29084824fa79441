import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of every step of an application: who, when, what. */
@Entity({ name: 'application_history' })
@Index('ix_application_history_application_id', ['applicationId', 'id'])
export class ApplicationHistory {
  /** Increasing: orders the steps of one transaction as they were recorded. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid')
  applicationId!: string;

  @Column({ type: 'varchar', length: 64 })
  step!: string;

  /** Staff or citizen subject, or `system`. */
  @Column({ type: 'varchar', length: 64 })
  actorId!: string;

  @Column({ type: 'varchar', length: 2000 })
  detail!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
