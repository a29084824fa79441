import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only timeline of an application: who did what, when, from which state to which, and why. */
@Entity({ name: 'application_history' })
@Index('idx_application_history_application_at', ['applicationId', 'at'])
export class ApplicationHistory {
  /** Insertion order (bigint, read as a string): entries of the same instant keep their order. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_application_history' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Staff subject, partner client, or `system:<component>`. */
  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromState!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  toState!: string | null;

  /** Free text without personal data. */
  @Column({ type: 'varchar', length: 2000 })
  detail!: string;
}
