import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const DISPUTE_CATEGORIES = ['family', 'neighbour', 'labour', 'property', 'consumer'] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

/** One entry of the keyword table that classifies a dispute from the request's description. */
@Entity({ name: 'dispute_keyword' })
@Index('ux_dispute_keyword_category_keyword', ['category', 'keyword'], { unique: true })
export class DisputeKeyword {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  category!: DisputeCategory;

  @Column({ type: 'varchar', length: 50 })
  keyword!: string;

  /** How strongly the keyword points to the category (a match adds this to the category's score). */
  @Column({ type: 'int', default: 1 })
  weight!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
