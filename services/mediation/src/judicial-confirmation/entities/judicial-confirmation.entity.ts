import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MediationCase } from '../../cases/entities/mediation-case.entity';

export const CONFIRMATION_RESULTS = ['pending', 'confirmed', 'rejected'] as const;
export type ConfirmationResult = (typeof CONFIRMATION_RESULTS)[number];

/** Referral of a mediation agreement to a court for judicial confirmation (司法确认), and the court's answer. */
@Entity({ name: 'judicial_confirmation' })
@Index('ux_judicial_confirmation_case_id', ['caseId'], { unique: true })
export class JudicialConfirmation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  caseId!: string;

  @ManyToOne(() => MediationCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_judicial_confirmation_case' })
  mediationCase?: MediationCase;

  @Column({ type: 'varchar', length: 200 })
  court!: string;

  /** The day the parties applied to the court. */
  @Column({ type: 'date' })
  requestedOn!: string;

  @Column({ type: 'varchar', length: 64 })
  requestedBy!: string;

  @Column({ type: 'varchar', length: 16 })
  result!: ConfirmationResult;

  @Column({ type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decisionRecordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
