import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const COMMITTEE_LEVELS = ['village', 'township', 'county'] as const;
export type CommitteeLevel = (typeof COMMITTEE_LEVELS)[number];

/** A people's mediation committee (人民调解委员会), one per village, township or county division. */
@Entity({ name: 'committee' })
@Index('ux_committee_region_code', ['regionCode'], { unique: true })
export class Committee {
  @PrimaryColumn('uuid')
  id!: string;

  /** GB/T 2260 code of the division the committee serves: 12 digits (village), 9 (township) or 6 (county). */
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: CommitteeLevel;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
