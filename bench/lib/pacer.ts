import { sleep } from './sleep';

export interface PacedRunReport {
  scheduled: number;
  started: number;
  /** Requests not started because `maxInFlight` were still open (the system could not keep up). */
  droppedForBackpressure: number;
  /** How late the sender itself was, at worst (a busy bench process shows here). */
  maxSendLagMs: number;
  wallSeconds: number;
}

/**
 * Open-loop pacing: request i is due at start + i / rate, whether or not earlier ones have
 * answered (a slow system does not slow the offered load down). Bounded: exactly
 * `round(rate × seconds)` requests are scheduled, and at most `maxInFlight` are open at once.
 */
export async function paced(
  rate: number,
  seconds: number,
  maxInFlight: number,
  send: (i: number) => Promise<void>,
): Promise<PacedRunReport> {
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const open = new Set<Promise<void>>();
  let dropped = 0;
  let maxLag = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    maxLag = Math.max(maxLag, performance.now() - due);
    if (open.size >= maxInFlight) {
      dropped += 1;
      continue;
    }
    const p: Promise<void> = send(i)
      .catch(() => undefined)
      .finally(() => open.delete(p));
    open.add(p);
  }
  await Promise.allSettled([...open]);
  return {
    scheduled: total,
    started: total - dropped,
    droppedForBackpressure: dropped,
    maxSendLagMs: Math.round(maxLag),
    wallSeconds: Math.round((performance.now() - start) / 100) / 10,
  };
}
