import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { moneyTransformer } from '../money';

export const THRESHOLD_LEVELS = ['province', 'city', 'county'] as const;
export type ThresholdLevel = (typeof THRESHOLD_LEVELS)[number];

/**
 * Economic-hardship threshold (经济困难标准) of a city or county: monthly income per household member
 * at or below which an applicant counts as in economic hardship. Looked up county → city → province.
 */
@Entity({ name: 'hardship_threshold' })
export class HardshipThreshold {
  /** 6-digit GB/T 2260 code: 370000 (province default), a city (370100) or a county (370102). */
  @PrimaryColumn({ type: 'varchar', length: 6, primaryKeyConstraintName: 'pk_hardship_threshold' })
  regionCode!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: ThresholdLevel;

  /** Yuan per person per month. */
  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: moneyTransformer })
  monthlyIncomePerCapita!: number;

  /** Where the figure comes from (e.g. the local government's published standard). */
  @Column({ type: 'varchar', length: 500 })
  basis!: string;

  @Column({ type: 'varchar', length: 64 })
  updatedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
