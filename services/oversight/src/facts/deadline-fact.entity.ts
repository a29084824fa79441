import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One legal deadline of a work order (its latest state): kind, due date and whether it was met or breached. The work
 * order's receipt time and regions are copied here (kept in step with `work_order_fact`), so a region's deadlines
 * are counted from this table alone, without a join over the year.
 */
@Entity({ name: 'deadline_fact' })
@Index('ix_deadline_fact_status_due', ['status', 'dueAt'])
@Index('ix_deadline_fact_received', ['receivedAt'])
@Index('ix_deadline_fact_city_received', ['cityCode', 'receivedAt'])
@Index('ix_deadline_fact_county_received', ['countyCode', 'receivedAt'])
export class DeadlineFact {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_deadline_fact' })
  workOrderId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_deadline_fact' })
  kind!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** running, paused, met, breached or cancelled. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'char', length: 6 })
  cityCode!: string;

  @Column({ type: 'char', length: 6 })
  countyCode!: string;

  /** The organisation holding the work order (kept in step with `work_order_fact`), for deadlines per organisation. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  organisationId!: string | null;
}
