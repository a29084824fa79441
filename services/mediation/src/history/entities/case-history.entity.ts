import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of every step of a case: who, when, what. */
@Entity({ name: 'case_history' })
@Index('ix_case_history_case_id', ['caseId', 'id'])
export class CaseHistory {
  /** Increasing: orders the steps of one transaction as they were recorded. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid')
  caseId!: string;

  @Column({ type: 'varchar', length: 64 })
  step!: string;

  /** Staff subject, or `system`. */
  @Column({ type: 'varchar', length: 64 })
  actorId!: string;

  @Column({ type: 'varchar', length: 2000 })
  detail!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
