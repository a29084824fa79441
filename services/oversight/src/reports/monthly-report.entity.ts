import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A generated monthly report (PDF), kept for download. */
@Entity({ name: 'monthly_report' })
export class MonthlyReport {
  /** e.g. 2026-11 */
  @PrimaryColumn({ type: 'char', length: 7, primaryKeyConstraintName: 'pk_monthly_report' })
  month!: string;

  /** Region the report covers (370000: the province). */
  @PrimaryColumn({ type: 'char', length: 6, primaryKeyConstraintName: 'pk_monthly_report' })
  regionCode!: string;

  @Column({ type: 'bytea' })
  pdf!: Buffer;

  @Column({ type: 'timestamptz' })
  generatedAt!: Date;
}
