import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A statutory group exempt from the economic-hardship check (法律援助法 第32条, 第42条; 通知辩护 第25条):
 * data, seeded by migration and editable by administrators.
 */
@Entity({ name: 'exempt_category' })
export class ExemptCategory {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_exempt_category' })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  labelZh!: string;

  @Column({ type: 'varchar', length: 200 })
  labelEn!: string;

  @Column({ type: 'varchar', length: 300 })
  legalBasis!: string;

  /** Expertise the matters of this group usually need (e.g. labour for unpaid wages); helps choose the lawyer. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertiseTags!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'varchar', length: 64 })
  updatedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
