import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TermExtension, TermPause } from '../../term/appraisal-term';
import type { Complexity, DeclineReason, EntrustingPartyKind } from '../entrustment-rules';

export const ENTRUSTMENT_STATUSES = ['received', 'accepted', 'declined', 'opinion-issued'] as const;
export type EntrustmentStatus = (typeof ENTRUSTMENT_STATUSES)[number];

export interface AssignedAppraiser {
  id: string;
  name: string;
  licenceNumber: string;
}

/**
 * An entrustment (委托) of a judicial appraisal: received from a court, a party or a legal-aid case (directly,
 * or through a work order routed here), decided within the acceptance period (art. 13), then appraised by
 * two appraisers within the term (art. 19, 28, 29), ending with the coded opinion.
 */
@Entity({ name: 'entrustment' })
@Index('ux_entrustment_offer_id', ['offerId'], { unique: true })
@Index('ix_entrustment_institution_status', ['institutionCode', 'status'])
@Index('ix_entrustment_work_order_id', ['workOrderId'])
export class Entrustment {
  @PrimaryColumn('uuid')
  id!: string;

  /** The offer whose acceptance opened it; null for an entrustment registered at the institution. */
  @Column({ type: 'uuid', nullable: true })
  offerId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  workOrderId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  caseCode!: string | null;

  @Column({ type: 'varchar', length: 9 })
  institutionCode!: string;

  @Column({ type: 'varchar', length: 200 })
  institutionName!: string;

  /** Where the matter belongs (the institution's region, or the work order's); decides staff jurisdiction. */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 16 })
  partyKind!: EntrustingPartyKind;

  @Column({ type: 'varchar', length: 200 })
  partyName!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  courtCaseNumber!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  legalAidCaseCode!: string | null;

  @Column({ type: 'varchar', length: 32 })
  category!: string;

  /** What is to be appraised (鉴定事项). */
  @Column({ type: 'varchar', length: 2000 })
  matter!: string;

  @Column({ type: 'boolean' })
  byLetter!: boolean;

  @Column({ type: 'varchar', length: 16 })
  complexity!: Complexity;

  @Column({ type: 'int', nullable: true })
  agreedAcceptanceWorkingDays!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: EntrustmentStatus;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  receivedBy!: string;

  /** The acceptance period (art. 13) and how it was computed. */
  @Column({ type: 'timestamptz' })
  acceptanceDueAt!: Date;

  @Column({ type: 'text' })
  acceptanceExplanation!: string;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  decisionTimeliness!: 'met' | 'breached' | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  decisionExplanation!: string | null;

  @Column({ type: 'varchar', length: 48, nullable: true })
  declineReasonCode!: DeclineReason | null;

  /** The day the entrustment agreement (委托协议) was signed: the appraisal term starts. */
  @Column({ type: 'timestamptz', nullable: true })
  agreementAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  appraisers!: AssignedAppraiser[];

  @Column({ type: 'varchar', length: 1000, nullable: true })
  appraisersExplanation!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  termPauses!: TermPause[];

  @Column({ type: 'jsonb', nullable: true })
  termExtension!: TermExtension | null;

  @Column({ type: 'timestamptz', nullable: true })
  termDueAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  termExplanation!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  opinionCode!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  opinionIssuedAt!: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
