import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NoticeDay } from '@legal/domain';

/** What one load changed against the calendar in force before it. */
export interface CalendarYearChanges {
  /** Days whose kind (working, adjusted working, holiday, rest) changed. */
  changedDays: string[];
  holidaysAdded: string[];
  holidaysRemoved: string[];
  workdaysAdded: string[];
  workdaysRemoved: string[];
  /** Open deadlines recomputed because their period crossed a changed day. */
  deadlinesRecomputed: number;
}

/**
 * One load of a year's State Council holiday notice (append-only: each load is a new version, the
 * newest is in force): the days, who loaded it and when, and what it changed.
 */
@Entity({ name: 'calendar_year_version' })
export class CalendarYearVersionEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_calendar_year_version' })
  year!: number;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_calendar_year_version' })
  version!: number;

  @Column({ type: 'jsonb' })
  holidays!: NoticeDay[];

  @Column({ type: 'jsonb' })
  workdays!: NoticeDay[];

  /** The notice's reference, e.g. 国办发明电〔2026〕7号. */
  @Column({ type: 'varchar', length: 200 })
  source!: string;

  @Column({ type: 'varchar', length: 64 })
  loadedBy!: string;

  @Column({ type: 'timestamptz' })
  loadedAt!: Date;

  @Column({ type: 'jsonb' })
  changes!: CalendarYearChanges;
}
