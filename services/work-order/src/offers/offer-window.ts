import { addDays, isWorkingDay, shanghaiDateOf, shanghaiDateTimeOf, startOfShanghaiDay } from '@legal/domain';
import type { DutySchedule, TimeSlot } from '../organisations/duty-schedule';

const MINUTE_MS = 60_000;
/** Longer than any holiday run (Spring Festival with its weekends); a schedule with no slot in it never opens. */
const MAX_DAYS_SEARCHED = 31;

export interface OfferWindowInput {
  offeredAt: Date;
  /** The response window, counted in the receiving organisation's duty time. */
  windowSeconds: number;
  /** The receiving organisation's duty hours (holidays and adjusted working days from the legal calendar). */
  dutyHours: DutySchedule;
  /**
   * Urgent matters (intake urgency or work-order priority `urgent`) are not held until the office opens:
   * routing offers them only to whoever is on duty at the decision (the time-slot rule's
   * `urgentOnDutyServiceTypes`; nobody on duty: the supervisor queue), and the window runs on the wall clock.
   * Urgent legal aid is routed as before (its notices run on their own legal clock) and also counts the wall clock.
   */
  urgent: boolean;
}

export interface OfferWindow {
  expiresAt: Date;
  /** How the expiry was reached, e.g. "4 h of duty time from Fri 2026-12-04 23:32: …". */
  explanation: string;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function describeSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The open intervals of one Shanghai day under the schedule, as instants. */
function openIntervals(schedule: DutySchedule, date: string): Array<{ from: number; to: number; slot: TimeSlot }> {
  const slots = isWorkingDay(date) ? schedule.workingDays : schedule.restDays;
  const midnight = startOfShanghaiDay(date).getTime();
  return [...slots]
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((slot) => ({
      from: midnight + minutesOf(slot.from) * MINUTE_MS,
      to: midnight + minutesOf(slot.to) * MINUTE_MS,
      slot,
    }));
}

/**
 * When an offer lapses: its response window counted only while the receiving organisation is on duty
 * (its duty hours on working days, its rota on rest days and holidays, per the official calendar with
 * adjusted working days 调休). An offer made Friday 23:32 to an office open 08:30-12:00, 13:30-17:30
 * with a 4 h window therefore expires Monday 12:30, not Saturday 03:32. A 7x24 organisation, an urgent
 * matter, or a schedule that never opens within a month counts the wall clock.
 */
export function offerWindow(input: OfferWindowInput): OfferWindow {
  const { offeredAt, windowSeconds, dutyHours, urgent } = input;
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new RangeError(`windowSeconds must be a positive integer, got ${windowSeconds}`);
  }
  const start = offeredAt.getTime();
  const window = describeSeconds(windowSeconds);
  const wallClock = (why: string): OfferWindow => {
    const expiresAt = new Date(start + windowSeconds * 1000);
    const from = shanghaiDateTimeOf(offeredAt);
    const until = `expires ${shanghaiDateTimeOf(expiresAt)} Asia/Shanghai`;
    return { expiresAt, explanation: `${window} on the wall clock (${why}) from ${from}: ${until}` };
  };
  if (urgent) return wallClock('urgent matter: answered by the on-duty roster');
  if (dutyHours.alwaysOn) return wallClock('the organisation is on duty around the clock');

  let remainingMs = windowSeconds * 1000;
  const used: string[] = [];
  let date = shanghaiDateOf(offeredAt);
  for (let day = 0; day <= MAX_DAYS_SEARCHED; day++, date = addDays(date, 1)) {
    for (const interval of openIntervals(dutyHours, date)) {
      const from = Math.max(interval.from, start);
      if (from >= interval.to) continue;
      const available = interval.to - from;
      if (available >= remainingMs) {
        const expiresAt = new Date(from + remainingMs);
        used.push(`${shanghaiDateTimeOf(new Date(from))}-${shanghaiDateTimeOf(expiresAt).slice(11)}`);
        return {
          expiresAt,
          explanation:
            `${window} of duty time from ${shanghaiDateTimeOf(offeredAt)} (${describeHours(dutyHours)}; ` +
            `official calendar): counted ${used.join(', ')}; expires ${shanghaiDateTimeOf(expiresAt)} Asia/Shanghai`,
        };
      }
      remainingMs -= available;
      used.push(`${shanghaiDateTimeOf(new Date(from))}-${interval.slot.to}`);
    }
  }
  return wallClock(`no duty hours within ${MAX_DAYS_SEARCHED} days`);
}

function describeHours(schedule: DutySchedule): string {
  const working = schedule.workingDays.map((s) => `${s.from}-${s.to}`).join(', ') || 'closed';
  const rest = schedule.restDays.map((s) => `${s.from}-${s.to}`).join(', ');
  return rest ? `working days ${working}, rest days ${rest}` : `working days ${working}`;
}

/** Urgent for the offer window: the intake said so, or routing raised the work order's priority to urgent. */
export function isUrgentMatter(wo: { urgency: string; priority: string }): boolean {
  return wo.urgency === 'urgent' || wo.priority === 'urgent';
}
