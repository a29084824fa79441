import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An appraiser (鉴定人) practising at one institution, qualified for some categories. */
@Entity({ name: 'appraiser' })
@Index('ix_appraiser_institution_code', ['institutionCode'])
@Index('ux_appraiser_licence_number', ['licenceNumber'], { unique: true })
export class Appraiser {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 9 })
  institutionCode!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** 执业证号 */
  @Column({ type: 'varchar', length: 32 })
  licenceNumber!: string;

  @Column({ type: 'text', array: true })
  categories!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
