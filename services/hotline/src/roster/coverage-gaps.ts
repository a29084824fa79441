/** A half-open period [start, end). */
export interface Period {
  start: Date;
  end: Date;
}

export interface CoverageGap extends Period {
  /** Seats staffed during the gap (below the required minimum). */
  staffedSeats: number;
}

/**
 * The parts of [from, to) in which fewer than `minSeats` of the given shifts are running. Shifts are
 * half-open (a shift ending at 08:00 and one starting at 08:00 leave no gap). Adjacent gap pieces with
 * the same staffing are merged, so a night with nobody on duty is one gap, not one per shift boundary.
 */
export function coverageGaps(shifts: readonly Period[], from: Date, to: Date, minSeats = 1): CoverageGap[] {
  if (to.getTime() <= from.getTime()) return [];
  const lo = from.getTime();
  const hi = to.getTime();
  const delta = new Map<number, number>();
  const bump = (at: number, by: number): void => {
    delta.set(at, (delta.get(at) ?? 0) + by);
  };
  let running = 0;
  for (const shift of shifts) {
    const start = Math.max(shift.start.getTime(), lo);
    const end = Math.min(shift.end.getTime(), hi);
    if (end <= start) continue;
    if (start === lo) running += 1;
    else bump(start, 1);
    if (end < hi) bump(end, -1);
  }
  const boundaries = [...delta.keys()].sort((a, b) => a - b);
  const gaps: CoverageGap[] = [];
  let cursor = lo;
  const close = (until: number): void => {
    if (until <= cursor || running >= minSeats) return;
    const last = gaps[gaps.length - 1];
    if (last && last.end.getTime() === cursor && last.staffedSeats === running) last.end = new Date(until);
    else gaps.push({ start: new Date(cursor), end: new Date(until), staffedSeats: running });
  };
  for (const at of boundaries) {
    close(at);
    running += delta.get(at) ?? 0;
    cursor = at;
  }
  close(hi);
  return gaps;
}

/** Minutes in a period, for the coverage summary. */
export function periodMinutes(period: Period): number {
  return Math.round((period.end.getTime() - period.start.getTime()) / 60000);
}

/** Asia/Shanghai keeps UTC+8 all year (no daylight saving): a calendar day there is [16:00Z of the day before, +24h). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
const HOUR_MS = 3_600_000;

/** One Asia/Shanghai day's coverage: minutes with at least one shift running, in total and per hour. */
export interface DayCoverage {
  date: string;
  coveredMinutes: number;
  hourMinutes: number[];
}

/** The Asia/Shanghai days (YYYY-MM-DD) that the periods touch, in order. */
export function daysTouched(periods: readonly Period[]): string[] {
  const days = new Set<string>();
  for (const p of periods) {
    const last = p.end.getTime() - 1;
    for (let t = dayStart(p.start.getTime()); t <= last; t += DAY_MS) days.add(dayLabel(t));
  }
  return [...days].sort();
}

/** The window of one Asia/Shanghai day. */
export function shanghaiDay(date: string): Period {
  const start = new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/**
 * A day's coverage by at least one of the shifts, from the same gap logic as the roster's coverage answer: an hour's
 * covered minutes are its minutes less its gaps' (minutes are whole because shifts start and end on whole minutes;
 * a fraction is rounded).
 */
export function dayCoverage(shifts: readonly Period[], date: string): DayCoverage {
  const day = shanghaiDay(date);
  const gaps = coverageGaps(shifts, day.start, day.end, 1);
  const hourMinutes: number[] = [];
  for (let h = 0; h < 24; h++) {
    const from = day.start.getTime() + h * HOUR_MS;
    const to = from + HOUR_MS;
    let missingMs = 0;
    for (const g of gaps) missingMs += Math.max(0, Math.min(to, g.end.getTime()) - Math.max(from, g.start.getTime()));
    hourMinutes.push(Math.round((HOUR_MS - missingMs) / 60_000));
  }
  return { date, coveredMinutes: hourMinutes.reduce((a, b) => a + b, 0), hourMinutes };
}

function dayStart(t: number): number {
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

function dayLabel(dayStartMs: number): string {
  return new Date(dayStartMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
