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

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const PARTY_ROLES = ['applicant', 'respondent', 'third-party', 'agent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export interface SessionParty {
  name: string;
  role: PartyRole;
}

/** A mediation session (调解会) scheduled with the parties, and whether it was held. */
@Entity({ name: 'mediation_session' })
@Index('ux_mediation_session_case_sequence', ['caseId', 'sequence'], { unique: true })
export class MediationSession {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  caseId!: string;

  @ManyToOne(() => MediationCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_mediation_session_case' })
  mediationCase?: MediationCase;

  /** 1 for the first session of the case, 2 for the next ... */
  @Column({ type: 'int' })
  sequence!: number;

  @Column({ type: 'timestamptz' })
  scheduledAt!: Date;

  @Column({ type: 'varchar', length: 300 })
  place!: string;

  /** The parties invited. */
  @Column({ type: 'jsonb' })
  parties!: SessionParty[];

  @Column({ type: 'varchar', length: 16 })
  status!: SessionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  /** The parties who actually attended (recorded when the session is held). */
  @Column({ type: 'jsonb', nullable: true })
  attendees!: SessionParty[] | null;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ type: 'varchar', length: 64 })
  scheduledBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
