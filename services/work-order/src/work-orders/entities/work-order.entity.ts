import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Handler, Platform, ServiceType, Urgency, WorkOrderStatus } from '@legal/contracts';

/** How the service type was decided: given on the request, inferred from the text, or set in triage. */
export interface Classification {
  source: 'explicit' | 'inferred' | 'manual';
  confidence: number;
  /** Words of the description that carried the decision, with their weights. */
  evidence: { word: string; serviceType: string; weight: number }[];
  /** Best guesses, highest first. */
  ranking: { serviceType: ServiceType; score: number }[];
  modelVersion: string;
}

export type Priority = 'normal' | 'high' | 'urgent';

/**
 * One matter (一案一码). Personal data: ID-card and phone only as keyed hashes for matching, the full
 * applicant sealed (AES-GCM) because handlers must receive it; the name is shown masked.
 */
@Entity({ name: 'work_order' })
@Index('ux_work_order_case_code', ['caseCode'], { unique: true })
@Index('ix_work_order_status', ['status'])
@Index('ix_work_order_region_code', ['regionCode'])
@Index('ix_work_order_organisation_id', ['organisationId', 'status'])
@Index('ix_work_order_id_card_hash', ['idCardHash', 'serviceType'])
@Index('ix_work_order_phone_hash', ['phoneHash', 'serviceType'])
@Index('ix_work_order_received_at', ['receivedAt'])
export class WorkOrderEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_work_order' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  caseCode!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: WorkOrderStatus;

  @Column({ type: 'varchar', length: 32 })
  serviceType!: ServiceType;

  @Column({ type: 'jsonb' })
  classification!: Classification;

  /** Topic tags from the description (e.g. `labour-dispute`), matched against staff expertise. */
  @Column({ type: 'text', array: true })
  topicTags!: string[];

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 16 })
  originPlatform!: Platform;

  @Column({ type: 'text', array: true })
  platforms!: Platform[];

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  language!: string;

  @Column({ type: 'varchar', length: 8 })
  urgency!: Urgency;

  @Column({ type: 'boolean' })
  vulnerableGroup!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  legalDeadlineAt!: Date | null;

  @Column({ type: 'varchar', length: 8 })
  priority!: Priority;

  /** Sealed JSON of the applicant as submitted (name, ID-card, phone, address). */
  @Column({ type: 'text' })
  applicantSealed!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  applicantDisplayName!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  idCardHash!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'char', length: 4, nullable: true })
  phoneLast4!: string | null;

  /** Keyed hash of the family name (first character): narrows the similar-name search without storing names. */
  @Column({ type: 'char', length: 64, nullable: true })
  surnameHash!: string | null;

  /**
   * Blind index of the normalised full name (relations/name-index.ts): keyed hashes that give the similar-name
   * score without decrypting anyone. NULL for work orders written before it existed (compared the old way).
   */
  @Column({ type: 'text', array: true, nullable: true })
  nameHashes!: string[] | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  citizenUserId!: string | null;

  /** Keyed hash of the access code given to the citizen with the intake that created this work order (tracking secret). */
  @Column({ type: 'char', length: 64, nullable: true })
  accessCodeHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisationName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  handler!: Handler | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  staffId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  handlerCaseId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  relatedCaseCode!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  complaintAgainstOrganisationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  /** Offers used up (expired or rejected) since the last routing start; N of them → supervisor queue. */
  @Column({ type: 'integer' })
  offerFailures!: number;

  @Column({ type: 'integer' })
  reopenCount!: number;

  @Column({ type: 'integer' })
  escalationLevel!: number;

  /** Equals the seq of the last timeline entry; WorkOrderChanged carries it. */
  @Column({ type: 'integer' })
  version!: number;

  /** Hash of the last timeline entry: the head of the chain (detects a removed tail). */
  @Column({ type: 'char', length: 64 })
  timelineHead!: string;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
