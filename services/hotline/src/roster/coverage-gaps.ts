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
