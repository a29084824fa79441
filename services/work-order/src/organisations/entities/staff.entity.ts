import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DutySchedule } from '../duty-schedule';

/** A person who can be offered work: expertise, languages, capacity and on-duty schedule drive routing. */
@Entity({ name: 'staff' })
@Index('ix_staff_organisation_id', ['organisationId'])
export class StaffEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_staff' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Expertise tags matched against a work order's topic tags, e.g. `labour-dispute`, `family`. */
  @Column({ type: 'text', array: true })
  expertise!: string[];

  /** BCP 47 languages the person serves in, e.g. `zh`, `zh-yue`, `en`. */
  @Column({ type: 'text', array: true })
  languages!: string[];

  /** Open work orders the person can carry at once. */
  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ type: 'jsonb' })
  onDuty!: DutySchedule;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
