import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const APPLICATION_STATUSES = [
  'awaiting-application',
  'awaiting-materials',
  'accepted',
  'under-review',
  'certificate-issued',
  'refused',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'awaiting-application',
  'awaiting-materials',
  'accepted',
  'under-review',
];

export const CLOCK_STATUSES = ['not-started', 'running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/** A finished pause of the certificate clock. */
export interface ClockPause {
  pausedAt: string;
  resumedAt: string;
}

/** A notarization application (公证申请), opened by accepting an offer. */
@Entity({ name: 'application' })
@Index('ux_application_offer_id', ['offerId'], { unique: true })
@Index('ix_application_work_order_id', ['workOrderId'])
@Index('ix_application_organisation_status', ['organisationId', 'status'])
@Index('ux_application_certificate_number', ['certificateNumber'], { unique: true })
export class Application {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  offerId!: string;

  @Column('uuid')
  workOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  caseCode!: string;

  /** The notary office (organisation) handling it. */
  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 200 })
  organisationName!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'text' })
  description!: string;

  /** When the request reached the system (the earliest the application can have been received). */
  @Column({ type: 'timestamptz' })
  requestReceivedAt!: Date;

  @Column({ type: 'text', nullable: true })
  applicantSealed!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  applicantPhoneHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  applicantIdCardHash!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  status!: ApplicationStatus;

  @Column({ type: 'timestamptz' })
  offerAcceptedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  offerAcceptedBy!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  matterCode!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  matterName!: string | null;

  /** Fee of the matter when the application was accepted, in fen. */
  @Column({ type: 'int', nullable: true })
  feeFen!: number | null;

  /** When the office received (受理) the application: the start of the 15-working-day clock. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'varchar', length: 16 })
  clockStatus!: ClockStatus;

  @Column({ type: 'timestamptz', nullable: true })
  clockDueAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  clockExplanation!: string | null;

  /** Set while the clock is paused for missing materials. */
  @Column({ type: 'timestamptz', nullable: true })
  clockPausedAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  clockPauses!: ClockPause[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  reviewerId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewStartedAt!: Date | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  certificateNumber!: string | null;

  @Column({ type: 'int', nullable: true })
  certificateCopies!: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  refusalReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  closedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
