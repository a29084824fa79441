import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { moneyTransformer } from '../money';
import type { HardshipResult, ReviewSnapshot } from '../hardship-evaluation';

/**
 * The economic-hardship review (经济困难核查) of one application with every input of the result:
 * household, income, exemption claimed and matched, threshold used and where it came from, the
 * integrity commitment (诚信承诺), and an officer's override with its reason.
 */
@Entity({ name: 'hardship_review' })
@Index('uq_hardship_review_application', ['applicationId'], { unique: true })
export class HardshipReview {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_hardship_review' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'int', nullable: true })
  householdSize!: number | null;

  /** Yuan per month, whole household. */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyTransformer })
  householdMonthlyIncome!: number | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyTransformer })
  monthlyIncomePerCapita!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  exemptCategoryCode!: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: moneyTransformer })
  thresholdAmount!: number | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  thresholdRegionCode!: string | null;

  /** county, city or province: which level's threshold applied. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  thresholdSource!: string | null;

  @Column({ type: 'boolean' })
  integrityCommitment!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  commitmentSignedAt!: Date | null;

  @Column({ type: 'varchar', length: 16 })
  computedResult!: HardshipResult;

  @Column({ type: 'varchar', length: 16, nullable: true })
  overrideResult!: HardshipResult | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  overrideReason!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  overriddenBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  overriddenAt!: Date | null;

  @Column({ type: 'varchar', length: 16 })
  finalResult!: HardshipResult;

  @Column({ type: 'varchar', length: 1000 })
  explanation!: string;

  /** Every input and rule applied, frozen at review time (threshold row as it was, category as it was ...). */
  @Column({ type: 'jsonb' })
  snapshot!: ReviewSnapshot;

  @Column({ type: 'varchar', length: 64 })
  reviewedBy!: string;

  @Column({ type: 'timestamptz' })
  reviewedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
