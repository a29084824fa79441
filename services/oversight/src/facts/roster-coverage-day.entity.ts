import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One Asia/Shanghai day of the hotline's 7x24 duty roster (`legal.feedback.roster-coverage-changed.v1`): the minutes
 * with at least one agent on duty, in total and per hour. The newest `computedAt` of a day wins; a replay or an
 * older event changes nothing. Province-wide: the 12348 roster is one for Shandong.
 */
@Entity({ name: 'roster_coverage_day' })
export class RosterCoverageDay {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'pk_roster_coverage_day' })
  day!: string;

  @Column({ type: 'integer' })
  coveredMinutes!: number;

  @Column({ type: 'integer', array: true })
  hourMinutes!: number[];

  @Column({ type: 'timestamptz' })
  computedAt!: Date;
}
