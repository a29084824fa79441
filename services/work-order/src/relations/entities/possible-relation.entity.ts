import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RelationReason =
  | 'same-phone-different-type'
  | 'same-id-card-different-type'
  | 'same-phone-other-matter'
  | 'same-id-card-other-matter'
  | 'similar-name-same-region';
export type RelationStatus = 'pending' | 'confirmed' | 'dismissed';

/** A near-duplicate that is not certain: two work orders that may be the same matter, for a person to decide. */
@Entity({ name: 'possible_relation' })
@Index('ux_possible_relation_pair', ['workOrderId', 'relatedWorkOrderId'], { unique: true })
@Index('ix_possible_relation_related', ['relatedWorkOrderId'])
export class PossibleRelationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_possible_relation' })
  id!: string;

  /** The newer work order. */
  @Column({ type: 'uuid' })
  workOrderId!: string;

  @Column({ type: 'uuid' })
  relatedWorkOrderId!: string;

  @Column({ type: 'varchar', length: 40 })
  reason!: RelationReason;

  /** 0..1, how alike the two look. */
  @Column({ type: 'real' })
  score!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: RelationStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
