import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const CASE_STATUSES = [
  'assigned',
  'scheduled',
  'in-mediation',
  'agreement-reached',
  'failed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['assigned', 'scheduled', 'in-mediation'];

export const CATEGORY_SOURCES = ['explicit', 'keywords', 'unclassified'] as const;
export type CategorySource = (typeof CATEGORY_SOURCES)[number];

export interface TermExtension {
  days: number;
  reason: string;
  by: string;
  at: string;
}

export interface AgreementTerm {
  description: string;
  dueDate?: string;
}

/** A people's mediation case (人民调解案件) opened by accepting an offer. */
@Entity({ name: 'mediation_case' })
@Index('ux_mediation_case_offer_id', ['offerId'], { unique: true })
@Index('ix_mediation_case_work_order_id', ['workOrderId'])
@Index('ix_mediation_case_mediator_status', ['mediatorId', 'status'])
@Index('ix_mediation_case_status_created_at', ['status', 'createdAt'])
export class MediationCase {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  offerId!: string;

  @Column('uuid')
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 200 })
  organisationName!: string;

  /** Where the dispute arose (the requester's division); decides committee and staff jurisdiction. */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  urgency!: string;

  @Column({ type: 'text', nullable: true })
  applicantSealed!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  applicantPhoneHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  applicantIdCardHash!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  status!: CaseStatus;

  /** null when neither staff nor the keyword table could tell the category. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  disputeCategory!: string | null;

  @Column({ type: 'varchar', length: 16 })
  categorySource!: CategorySource;

  @Column({ type: 'text', array: true })
  categoryKeywords!: string[];

  @Column('uuid')
  committeeId!: string;

  @Column({ type: 'varchar', length: 200 })
  committeeName!: string;

  @Column({ type: 'varchar', length: 12 })
  committeeRegionCode!: string;

  /** Why this committee: the village's own, or the fallback and why. */
  @Column({ type: 'varchar', length: 1000 })
  committeeReason!: string;

  @Column('uuid')
  mediatorId!: string;

  @Column({ type: 'varchar', length: 100 })
  mediatorName!: string;

  /** Why this mediator: specialty match and load at the time of the choice. */
  @Column({ type: 'varchar', length: 1000 })
  mediatorReason!: string;

  @Column({ type: 'timestamptz' })
  acceptedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  acceptedBy!: string;

  /** The mediation term: 30 calendar days from acceptance (期间 rule), plus extensions with reasons. */
  @Column({ type: 'timestamptz' })
  termDueAt!: Date;

  @Column({ type: 'text' })
  termExplanation!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  termExtensions!: TermExtension[];

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  outcomeReason!: string | null;

  @Column({ type: 'text', nullable: true })
  agreementText!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  agreementTerms!: AgreementTerm[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  closedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
