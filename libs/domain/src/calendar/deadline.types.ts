import { IsoDate } from './shanghai-date';

/**
 * How a period is counted (the procedure laws' rule on 期间; the start day or hour is never counted):
 * - calendar-days: "within N days"; a last day on a statutory holiday or rest day moves to the first
 *   working day after it;
 * - working-days: "within N working days"; only working days count, adjusted weekends (调休) included;
 * - hours: "within N hours"; counting begins at the next full hour; holidays do not extend it.
 */
export const DEADLINE_RULES = ['calendar-days', 'working-days', 'hours'] as const;
export type DeadlineRule = (typeof DEADLINE_RULES)[number];

export interface DeadlinePause {
  readonly pausedAt: Date;
  readonly resumedAt: Date;
  /** What the pause consumed: working days, calendar days, or hours (fractional), per the rule. */
  readonly consumed: number;
  /** Days after the pause day up to and including the resume day that the clock did not run on. */
  readonly consumedDays: readonly IsoDate[];
}

export interface DeadlineComputation {
  readonly rule: DeadlineRule;
  readonly n: number;
  readonly startedAt: Date;
  /** The start day in Asia/Shanghai (not counted). */
  readonly startDate: IsoDate;
  /** Day-based rules: 23:59:59.999 Asia/Shanghai on `dueDate`. Hours: the exact instant. */
  readonly dueAt: Date;
  readonly dueDate: IsoDate;
  /** Calendar-day rule: the N-th day before moving off a holiday (later pauses shift this). */
  readonly nominalDueDate: IsoDate;
  /** Non-working days passed over, in date order. */
  readonly skipped: readonly IsoDate[];
  /** Weekend days worked under the holiday notice (调休) that counted or on which the period ends. */
  readonly adjustedWorkdays: readonly IsoDate[];
  /** For example a year not yet covered by a State Council holiday notice. */
  readonly warnings: readonly string[];
  readonly pauses: readonly DeadlinePause[];
  /** Human-readable account of how `dueAt` was reached; stored with the deadline. */
  readonly explanation: string;
}

/** Input for `applyDeadlinePause`. */
export interface PauseInterval {
  readonly pausedAt: Date;
  readonly resumedAt: Date;
}
