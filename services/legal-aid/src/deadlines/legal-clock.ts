import { addCalendarDaysLegal, applyDeadlinePause } from '@legal/domain';
import type { DeadlineKind, StoredPause } from './entities/application-deadline.entity';

/** The statutory periods this service tracks: how long, and the rule of law behind each. */
export const STATUTORY_PERIODS: Record<DeadlineKind, { days: number; basis: string }> = {
  'legal-aid-decision': { days: 7, basis: 'Decision within 7 days of receiving the application (法律援助法 第43条)' },
  'lawyer-appointment': {
    days: 3,
    basis: 'Lawyer appointed within 3 days of granting aid or of a notified-defence notice (法律援助法 第43条, 第36条)',
  },
};

export interface ClockResult {
  dueAt: Date;
  explanation: string;
}

/**
 * Due time of a "within N days" clock (start day not counted; a last day on a rest day or holiday
 * moves to the next working day), shifted by every finished pause. Deterministic: recomputed from the
 * stored start, length and pauses, so several instances and restarts agree.
 */
export function computeClock(kind: DeadlineKind, startedAt: Date, days: number, pauses: StoredPause[]): ClockResult {
  let computation = addCalendarDaysLegal(startedAt, days);
  for (const pause of pauses) {
    if (!pause.resumedAt) continue;
    const pausedAt = new Date(pause.pausedAt);
    // A pause that starts after the period ran out does not revive it.
    if (pausedAt.getTime() > computation.dueAt.getTime()) continue;
    computation = applyDeadlinePause(computation, { pausedAt, resumedAt: new Date(pause.resumedAt) });
  }
  return { dueAt: computation.dueAt, explanation: `${STATUTORY_PERIODS[kind].basis}. ${computation.explanation}` };
}
