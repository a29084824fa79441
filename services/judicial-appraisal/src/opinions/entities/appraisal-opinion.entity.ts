import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An issued appraisal opinion (鉴定意见书) under its code. What the public verification shows comes from
 * here only: institution and issue time, nothing about the parties.
 */
@Entity({ name: 'appraisal_opinion' })
@Index('ux_appraisal_opinion_entrustment_id', ['entrustmentId'], { unique: true })
export class AppraisalOpinion {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column('uuid')
  entrustmentId!: string;

  @Column({ type: 'varchar', length: 9 })
  institutionCode!: string;

  @Column({ type: 'varchar', length: 200 })
  institutionName!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  serial!: number;

  @Column({ type: 'varchar', length: 32 })
  category!: string;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  issuedBy!: string;
}
