import type { PlatformClients, SubmittedIntake } from '../intake/platform-clients';
import type { KafkaStageTracker } from '../observe/kafka-stage-tracker';
import { sleep } from '../sleep';
import type { DayItem } from './day-schedule';

export interface ReplayOptions {
  /** Real seconds the replay may take; what is not sent by then is reported as not replayed. */
  budgetSeconds: number;
  /** Requests per real second the sender starts at, and its bounds. */
  initialRate: number;
  minRate: number;
  maxRate: number;
  /** The simulated clock never runs faster than this (quiet hours pass at this speed). */
  maxCompression: number;
  /** Requests in the system (no case code yet, or offered to a running handler and not accepted) above which the sender slows. */
  maxBacklog: number;
  maxInFlight: number;
  /** Handlers the bench runs: offers to others (external agencies, the duty team) are not waited for. */
  runningHandlers: readonly string[];
}

export interface ControlSample {
  realS: number;
  simS: number;
  rate: number;
  compression: number;
  backlog: number;
  inFlight: number;
  sent: number;
}

export interface ReplayReport {
  items: number;
  sent: number;
  simulatedFrom: number;
  simulatedTo: number;
  simulatedSecondsCovered: number;
  /** Requests sent per real second over the replay (the backlog stayed bounded, so this rate was sustained). */
  sentPerRealSecond: number;
  realSeconds: number;
  /** Simulated seconds per real second over the whole replay. */
  overallCompression: number;
  /** The same, over the busiest simulated hours (the top three by arrivals). */
  peakCompression: number;
  peakHours: number[];
  /** Share of the busiest hours the replay got through (1 = all of them). */
  peakCoverage: number;
  maxBacklog: number;
  dayCompleted: boolean;
  timeline: ControlSample[];
  submitted: SubmittedIntake[];
}

const CONTROL_MS = 500;

/**
 * Replays the day on a simulated clock. The sender has a rate (requests per real second, a token
 * bucket) steered by the backlog: above `maxBacklog` it slows (×0.85 per half second), below a quarter
 * of it it speeds up (×1.15), within [minRate, maxRate]. The simulated clock runs at `maxCompression`
 * while the requests due are sent on time, and waits for the sender when they are not: quiet night
 * hours pass quickly, the working-hours peak runs as fast as the system keeps its backlog bounded.
 * The compression sustained is then simulated seconds per real second, overall and over the peak.
 */
export async function replayDay(
  day: DayItem[],
  clients: PlatformClients,
  tracker: KafkaStageTracker,
  options: ReplayOptions,
  log: (line: string) => void,
): Promise<ReplayReport> {
  const submitted: SubmittedIntake[] = [];
  const timeline: ControlSample[] = [];
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  let sim = day[0] ? Math.max(0, day[0].at - 1) : 0;
  const startSim = sim;
  let rate = options.initialRate;
  let tokens = 1;
  let next = 0;
  let lastTick = start;
  let lastControl = start;
  let lastLog = start;
  let lastControlSim = sim;
  let maxBacklog = 0;
  let smoothed: number | undefined;
  const simAtHour = new Map<number, { real: number; sim: number }>();
  let checked = 0;
  const backlog = (): number => {
    let open = 0;
    // Requests settle roughly in order: skip the settled prefix once, count the rest each time.
    for (let i = checked; i < submitted.length; i++) {
      const s = submitted[i];
      if (!s?.intakeId) {
        if (i === checked) checked += 1;
        continue;
      }
      const outcome = tracker.outcomes.get(s.intakeId);
      const wo = outcome?.workOrderId ? tracker.workOrders.get(outcome.workOrderId) : undefined;
      const waitingForHandler =
        wo?.dispatchedAt !== undefined &&
        wo.acceptedAt === undefined &&
        [...wo.handlers].some((h) => options.runningHandlers.includes(h));
      const dispatchPending = outcome?.outcome === 'created' && wo?.dispatchedAt === undefined;
      const isOpen = !outcome || waitingForHandler || (dispatchPending && Date.now() - s.t0 < 60000);
      if (isOpen) open += 1;
      else if (i === checked) checked += 1;
    }
    return open + inFlight.size;
  };
  const maxIterations = Math.ceil((options.budgetSeconds * 1000) / 5) + day.length + 1000;
  for (let iteration = 0; iteration < maxIterations && next < day.length; iteration++) {
    const now = performance.now();
    if ((now - start) / 1000 > options.budgetSeconds) {
      log(`  replay budget of ${options.budgetSeconds} s used up at simulated ${clock(sim)}`);
      break;
    }
    const dt = (now - lastTick) / 1000;
    lastTick = now;
    tokens = Math.min(tokens + rate * dt, Math.max(1, rate));
    const before = sim;
    sim += options.maxCompression * dt;
    while (next < day.length && inFlight.size < options.maxInFlight) {
      const item = day[next];
      if (!item) break;
      if (item.at > sim) break;
      if (tokens < 1) {
        sim = Math.min(sim, item.at);
        break;
      }
      tokens -= 1;
      next += 1;
      const p: Promise<void> = clients
        .submit(item.request)
        .then((r) => {
          submitted.push(r);
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    if (inFlight.size >= options.maxInFlight) sim = Math.min(sim, day[next]?.at ?? sim);
    sim = Math.max(before, sim);
    const hour = Math.min(23, Math.floor(before / 3600));
    const acc = simAtHour.get(hour) ?? { real: 0, sim: 0 };
    acc.real += dt;
    acc.sim += sim - before;
    simAtHour.set(hour, acc);
    if (now - lastControl >= CONTROL_MS) {
      const b = backlog();
      maxBacklog = Math.max(maxBacklog, b);
      // Outcomes arrive in bursts (the work-order commits records in batches): steer on a smoothed backlog.
      smoothed = smoothed === undefined ? b : 0.6 * smoothed + 0.4 * b;
      if (smoothed > options.maxBacklog) rate = Math.max(options.minRate, rate * 0.85);
      else if (smoothed < options.maxBacklog / 4) rate = Math.min(options.maxRate, rate * 1.15);
      const compression = (sim - lastControlSim) / ((now - lastControl) / 1000);
      timeline.push({
        realS: Math.round((now - start) / 100) / 10,
        simS: Math.round(sim),
        rate: Math.round(rate * 10) / 10,
        compression: Math.round(compression),
        backlog: b,
        inFlight: inFlight.size,
        sent: next,
      });
      lastControl = now;
      lastControlSim = sim;
      if (now - lastLog >= 10000) {
        log(
          `  simulated ${clock(sim)}, ${next}/${day.length} sent, sender ${Math.round(rate * 10) / 10}/s, compression ${Math.round(compression)}×, backlog ${b}`,
        );
        lastLog = now;
      }
    }
    await sleep(5);
  }
  await Promise.allSettled([...inFlight]);
  const realSeconds = (performance.now() - start) / 1000;
  const arrivalsPerHour = new Array<number>(24).fill(0);
  for (const item of day) arrivalsPerHour[Math.min(23, Math.floor(item.at / 3600))] += 1;
  const peakHours = arrivalsPerHour
    .map((count, hour) => ({ count, hour }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((x) => x.hour);
  const peak = peakHours.reduce(
    (acc, h) => ({ real: acc.real + (simAtHour.get(h)?.real ?? 0), sim: acc.sim + (simAtHour.get(h)?.sim ?? 0) }),
    { real: 0, sim: 0 },
  );
  const endSim = next >= day.length ? 86400 : sim;
  const covered = endSim - startSim;
  return {
    items: day.length,
    sent: next,
    simulatedFrom: Math.round(startSim),
    simulatedTo: Math.round(endSim),
    simulatedSecondsCovered: Math.round(covered),
    sentPerRealSecond: Math.round((next / realSeconds) * 100) / 100,
    realSeconds: Math.round(realSeconds * 10) / 10,
    overallCompression: Math.round(covered / realSeconds),
    peakCompression: peak.real > 0 && peak.sim > 0 ? Math.round(peak.sim / peak.real) : NaN,
    peakCoverage: Math.round((peak.sim / (peakHours.length * 3600)) * 100) / 100,
    peakHours: peakHours.sort((a, b) => a - b),
    maxBacklog,
    dayCompleted: next >= day.length,
    timeline,
    submitted,
  };
}

export function clock(simSeconds: number): string {
  const s = Math.max(0, Math.floor(simSeconds));
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}
