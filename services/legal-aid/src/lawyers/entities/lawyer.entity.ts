import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A lawyer on the legal-aid roster (法律援助律师库): data, maintained by administrators. `currentLoad`
 * counts open appointments and is changed only by conditional updates (never above `capacity`).
 */
@Entity({ name: 'lawyer' })
@Index('idx_lawyer_region', ['regionCode'])
export class Lawyer {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_lawyer' })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  lawFirm!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertiseTags!: string[];

  /** 6-digit county (or city) code of where the lawyer practises. */
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'int', default: 0 })
  currentLoad!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'varchar', length: 64 })
  updatedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
