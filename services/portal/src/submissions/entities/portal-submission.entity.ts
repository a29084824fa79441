import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SUBMISSION_KINDS = ['request', 'complaint', 'open311'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export interface AttachmentMetadata {
  name: string;
  mediaType: string;
  sizeBytes: number;
}

/**
 * What a citizen submitted on the portal (web form, complaint or Open311 client). Contact data is
 * kept as keyed hashes for matching and encrypted copies for the few who must contact the citizen;
 * `intakeId` links to the platform intake that carries the outcome (case code).
 */
@Entity({ name: 'portal_submission' })
@Index('ux_portal_submission_intake', ['intakeId'], { unique: true })
@Index('ix_portal_submission_citizen_user', ['citizenUserId'])
@Index('ix_portal_submission_phone_hash', ['phoneHash'])
export class PortalSubmission {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_portal_submission' })
  id!: string;

  @Column({ type: 'uuid' })
  intakeId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: SubmissionKind;

  @Column({ type: 'varchar', length: 40, nullable: true })
  serviceType!: string | null;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb' })
  attachments!: AttachmentMetadata[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  relatedCaseCode!: string | null;

  @Column({ type: 'text', nullable: true })
  nameEnc!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'text', nullable: true })
  phoneEnc!: string | null;

  @Column({ type: 'char', length: 4, nullable: true })
  phoneLast4!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  idCardHash!: string | null;

  @Column({ type: 'text', nullable: true })
  idCardEnc!: string | null;

  @Column({ type: 'text', nullable: true })
  emailEnc!: string | null;

  @Column({ type: 'text', nullable: true })
  addressEnc!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  citizenUserId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  language!: string;

  @Column({ type: 'varchar', length: 8 })
  urgency!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
