import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const RETURN_VISIT_STATUSES = ['open', 'completed'] as const;
export type ReturnVisitStatus = (typeof RETURN_VISIT_STATUSES)[number];

/** A return visit (回访) to the aided person after closure: quality supervision of the aid given. */
@Entity({ name: 'return_visit' })
@Index('uq_return_visit_application', ['applicationId'], { unique: true })
@Index('idx_return_visit_region_status', ['regionCode', 'status'])
export class ReturnVisit {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_return_visit' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  status!: ReturnVisitStatus;

  @Column({ type: 'boolean', nullable: true })
  reached!: boolean | null;

  /** 1 (very dissatisfied) .. 5 (very satisfied). */
  @Column({ type: 'int', nullable: true })
  satisfaction!: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  completedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
