import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const VISIT_OUTCOMES = ['answered-on-spot', 'work-order'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/**
 * A citizen registered at a counter from their ID card. The ID number, name, address and phone are
 * stored only encrypted (to fill in the intake) and, for matching, as keyed hashes; responses show
 * the masked forms kept alongside.
 */
@Entity({ name: 'walk_in_visit' })
@Index('ix_walk_in_visit_org_created', ['organisationId', 'createdAt'])
@Index('ix_walk_in_visit_id_card_hash', ['idCardHash'])
@Index('ix_walk_in_visit_ticket', ['ticketId'])
@Index('ux_walk_in_visit_intake', ['intakeId'], { unique: true })
export class WalkInVisit {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_walk_in_visit' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 64 })
  clerkId!: string;

  /** Where the matter is (defaults to the centre's own region). */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'char', length: 64 })
  idCardHash!: string;

  @Column({ type: 'text' })
  idCardEncrypted!: string;

  @Column({ type: 'varchar', length: 24 })
  idCardMasked!: string;

  @Column({ type: 'text' })
  nameEncrypted!: string;

  @Column({ type: 'varchar', length: 20 })
  nameMasked!: string;

  @Column({ type: 'text' })
  addressEncrypted!: string;

  @Column({ type: 'char', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'text', nullable: true })
  phoneEncrypted!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phoneMasked!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: VisitOutcome | null;

  @Column({ type: 'uuid', nullable: true })
  intakeId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  caseCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  workOrderId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
