import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProtectedPerson } from '../../personal-data/protected-person.embedded';
import type { ApplicationKind, ApplicationState, DecisionValue } from '../application-state';

/**
 * A legal-aid application (法律援助申请): opened by accepting an offered work order, or by a
 * notified-defence notice (通知辩护) from a court, procuratorate or police. Its case number is the
 * `handlerCaseId` in every report.
 */
@Entity({ name: 'application' })
@Index('uq_application_case_number', ['caseNumber'], { unique: true })
@Index('uq_application_offer', ['offerId'], { unique: true })
@Index('uq_application_notice', ['noticeId'], { unique: true })
@Index('idx_application_work_order', ['workOrderId'])
@Index('idx_application_state', ['state'])
@Index('idx_application_region', ['regionCode'])
export class Application {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_application' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  caseNumber!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ApplicationKind;

  @Column({ type: 'uuid', nullable: true })
  workOrderId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  offerId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  noticeId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  caseCode!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisationName!: string | null;

  /** Jurisdiction: the handling organisation's area (work orders) or the notifying agency's area (notices). */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  /** Where the matter is (the request's township/village, or the agency's area); lawyers are matched on its county. */
  @Column({ type: 'varchar', length: 12 })
  matterRegionCode!: string;

  @Column({ type: 'text' })
  description!: string;

  /** Expertise the matter needs (e.g. labour, criminal-defence); used to choose the lawyer. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertiseTags!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  legalDeadlineAt!: Date | null;

  /** A legal deadline within 7 days of receipt: aid is provided first and reviewed after (先行提供). */
  @Column({ type: 'boolean', default: false })
  urgent!: boolean;

  @Column(() => ProtectedPerson, { prefix: 'applicant' })
  applicant!: ProtectedPerson;

  @Column({ type: 'varchar', length: 24 })
  state!: ApplicationState;

  /** When the legal-aid agency received the application (offer accepted, or notice received). */
  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 8, nullable: true })
  decision!: DecisionValue | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  decisionReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'uuid', nullable: true })
  lawyerId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appointedAt!: Date | null;

  /** The lawyer was appointed before the decision (先行提供). */
  @Column({ type: 'boolean', default: false })
  providedFirst!: boolean;

  /** Why the sweeper could not appoint yet (no lawyer with capacity ...), shown to officers. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  appointmentBlockedReason!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  closureOutcome!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  closureSummary!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  closedBy!: string | null;

  /** The state before materials were requested, restored when they arrive. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  stateBeforeMaterials!: ApplicationState | null;

  /** Id of the event that opened the application (the offer or notice event); cause of the first reports. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  sourceEventId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
