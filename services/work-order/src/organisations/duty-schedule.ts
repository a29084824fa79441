import { isWorkingDay, shanghaiDateOf, shanghaiDateTimeOf } from '@legal/domain';

/** An opening slot in Asia/Shanghai wall-clock time, `HH:mm`, `from` inclusive, `to` exclusive. */
export interface TimeSlot {
  from: string;
  to: string;
}

/**
 * When an organisation is open or a staff member is on duty. Working days follow the official
 * calendar (statutory holidays off, adjusted working weekends 调休 on).
 */
export interface DutySchedule {
  /** Around the clock, every day (7x24), e.g. the 12348 hotline duty team. */
  alwaysOn: boolean;
  /** Slots on working days. */
  workingDays: TimeSlot[];
  /** Slots on weekends and holidays (a duty rota), usually empty. */
  restDays: TimeSlot[];
}

export const OFFICE_HOURS: DutySchedule = {
  alwaysOn: false,
  workingDays: [
    { from: '08:30', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ],
  restDays: [],
};

export const ROUND_THE_CLOCK: DutySchedule = { alwaysOn: true, workingDays: [], restDays: [] };

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function isTimeSlot(value: unknown): value is TimeSlot {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' && HH_MM.test(from) && HH_MM.test(to) && from < to;
}

export interface DutyCheck {
  onDuty: boolean;
  /** e.g. "working day 2026-11-30 10:15 within 08:30-12:00" — goes into routing explanations. */
  reason: string;
}

/** Whether the schedule covers `instant` (Asia/Shanghai), with the reason in words. */
export function checkDuty(schedule: DutySchedule, instant: Date): DutyCheck {
  if (schedule.alwaysOn) return { onDuty: true, reason: 'on duty around the clock (7x24)' };
  const date = shanghaiDateOf(instant);
  const time = shanghaiDateTimeOf(instant).slice(11, 16);
  const working = isWorkingDay(date);
  const slots = working ? schedule.workingDays : schedule.restDays;
  const dayKind = working ? 'working day' : 'rest day/holiday';
  const slot = slots.find((s) => s.from <= time && time < s.to);
  if (slot) return { onDuty: true, reason: `${dayKind} ${date} ${time} within ${slot.from}-${slot.to}` };
  const hours = slots.length === 0 ? 'closed' : slots.map((s) => `${s.from}-${s.to}`).join(', ');
  return { onDuty: false, reason: `${dayKind} ${date} ${time} outside duty hours (${hours})` };
}

/** For the public agency lookup: "working days 08:30-12:00, 13:30-17:30". */
export function describeSchedule(schedule: DutySchedule): string {
  if (schedule.alwaysOn) return '7x24';
  const parts = [`working days ${schedule.workingDays.map((s) => `${s.from}-${s.to}`).join(', ') || 'closed'}`];
  if (schedule.restDays.length > 0)
    parts.push(`rest days and holidays ${schedule.restDays.map((s) => `${s.from}-${s.to}`).join(', ')}`);
  return parts.join('; ');
}
