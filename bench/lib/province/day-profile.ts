import type { PlatformName } from '../services';

/**
 * Shandong's volumes (DOMAIN.md, Scale): about 2,000,000 service items a year on the physical
 * platforms and 600,000 hotline consultations — per day about 5,500 counter visits and 1,650 calls.
 * DOMAIN.md gives no portal volume; it is 0 unless asked for (--portal-per-day).
 */
export const DAILY_VOLUME: Record<PlatformName, number> = {
  centre: Math.round(2_000_000 / 365),
  hotline: Math.round(600_000 / 365),
  portal: 0,
};

/**
 * Share of a day's requests per hour (Beijing time). Counters open 8:30–12:00 and 13:30–17:30; the
 * 12348 hotline answers around the clock with a daytime peak; the portal follows evening habits.
 * Assumed shapes (no hourly figures in the plan); the peak hour carries about 2.5× the daily mean.
 */
export const HOURLY_WEIGHTS: Record<PlatformName, readonly number[]> = {
  //        0  1  2  3  4  5  6  7  8   9   10  11  12 13 14  15  16  17 18 19 20 21 22 23
  centre: [0, 0, 0, 0, 0, 0, 0, 0, 6, 16, 16, 12, 2, 6, 14, 14, 11, 3, 0, 0, 0, 0, 0, 0],
  hotline: [1, 0.6, 0.4, 0.4, 0.4, 0.6, 1, 3, 7, 10, 10, 8, 5, 6, 9, 9, 8, 6, 4, 3, 3, 2, 1.5, 1],
  portal: [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 6, 5, 5, 6, 6, 6, 6, 6, 7, 8, 7, 5, 3],
};

/** Arrival times (simulated seconds since midnight) of `count` requests following an hourly profile. */
export function arrivalTimes(count: number, weights: readonly number[], random: () => number): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  const times: number[] = [];
  weights.forEach((w, hour) => {
    const n = Math.round((count * w) / total);
    for (let i = 0; i < n; i++) times.push(hour * 3600 + random() * 3600);
  });
  return times.sort((a, b) => a - b);
}

/** Requests per hour of the whole day, for the peak-to-mean ratio. */
export function hourlyCounts(times: readonly number[]): number[] {
  const counts = new Array<number>(24).fill(0);
  for (const t of times) {
    const h = Math.min(23, Math.floor(t / 3600));
    counts[h] = (counts[h] ?? 0) + 1;
  }
  return counts;
}
