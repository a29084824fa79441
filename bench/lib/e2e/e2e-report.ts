import type { Baselines } from '../baselines/run-baselines';
import { Floor, Stage, STAGES } from '../floor';
import { table } from '../markdown';
import type { ResourceWindow } from '../resource-sampler';
import { ratio } from '../stats';
import type { StepResult } from './load-step';

export interface StepRow {
  rate: number;
  offeredPerSecond: number;
  completedPerSecond: number;
  completed: string;
  p50: Record<Stage, number>;
  p95: Record<Stage, number>;
  p99: Record<Stage, number>;
  ratioP50: Record<Stage, number>;
  ratioP99: Record<Stage, number>;
  benchCpuPercent: number;
  loadAverage: number;
}

export function stepRow(step: StepResult, floors: Record<Stage, Floor> | undefined): StepRow {
  const pick = (f: (s: Stage) => number): Record<Stage, number> =>
    Object.fromEntries(STAGES.map((s) => [s, f(s)])) as Record<Stage, number>;
  return {
    rate: step.rate,
    offeredPerSecond: Math.round((step.pacing.started / step.pacing.wallSeconds) * 10) / 10,
    completedPerSecond: step.completedPerSecond,
    completed: `${step.completed}/${step.submitted}`,
    p50: pick((s) => step.stages[s].p50),
    p95: pick((s) => step.stages[s].p95),
    p99: pick((s) => step.p99Strict[s]),
    ratioP50: pick((s) => ratio(step.stages[s].p50, floors?.[s].p50Ms ?? NaN)),
    ratioP99: pick((s) => ratio(step.p99Strict[s], floors?.[s].p99Ms ?? NaN)),
    benchCpuPercent: step.benchCpuPercent,
    loadAverage: step.loadAverage,
  };
}

/** The highest stepped rate whose strict end-to-end p99 stayed under `limitMs` (every request completed). */
export function highestRateUnder(steps: StepResult[], limitMs: number): number | undefined {
  const ok = steps.filter((s) => s.p99Strict.readModels < limitMs && s.completed === s.submitted && s.submitted > 0);
  return ok.length ? Math.max(...ok.map((s) => s.rate)) : undefined;
}

export function baselineTable(b: Baselines): string {
  return table(
    ['baseline (same run, same servers)', 'p50 ms', 'p99 ms', 'notes'],
    [
      [
        'Kafka produce→consume, kafkajs',
        b.kafka.roundTrip.p50,
        b.kafka.roundTrip.p99,
        `${b.kafka.samples} one-at-a-time, acks=all`,
      ],
      [
        'INSERT + COMMIT, node-postgres',
        b.postgres.insertCommit.p50,
        b.postgres.insertCommit.p99,
        `${b.postgres.samples} one-at-a-time`,
      ],
      [
        'bare NestJS POST (express), sequential',
        b.http.sequentialPost.p50,
        b.http.sequentialPost.p99,
        `autocannon -c 10: ${b.http.autocannon.requestsPerSecond} req/s, p99 ${b.http.autocannon.latencyP99} ms`,
      ],
    ],
  );
}

export function floorTable(floors: Record<Stage, Floor>): string {
  return table(
    ['stage', 'unavoidable hops', 'floor p50 ms', 'floor p99 ms'],
    STAGES.map((s) => [s, floors[s].formula, floors[s].p50Ms, floors[s].p99Ms]),
  );
}

export function stepsTable(rows: StepRow[]): string {
  return table(
    [
      'rate/s',
      'offered/s',
      'completed/s',
      'done',
      'load avg / bench CPU %',
      'case code p50/p95/p99',
      'dispatched p50/p95/p99',
      'accepted p50/p95/p99',
      'all 3 read models p50/p95/p99',
      'e2e p50 ÷ floor',
      'e2e p99 ÷ floor',
    ],
    rows.map((r) => [
      r.rate,
      r.offeredPerSecond,
      r.completedPerSecond,
      r.completed,
      `${r.loadAverage} / ${r.benchCpuPercent}`,
      `${r.p50.caseCode} / ${r.p95.caseCode} / ${r.p99.caseCode}`,
      `${r.p50.dispatched} / ${r.p95.dispatched} / ${r.p99.dispatched}`,
      `${r.p50.accepted} / ${r.p95.accepted} / ${r.p99.accepted}`,
      `${r.p50.readModels} / ${r.p95.readModels} / ${r.p99.readModels}`,
      Number.isFinite(r.ratioP50.readModels) ? `${r.ratioP50.readModels}×` : '—',
      Number.isFinite(r.ratioP99.readModels) ? `${r.ratioP99.readModels}×` : '—',
    ]),
  );
}

export function memoryTable(idle: ResourceWindow[], load: ResourceWindow[], loadLabel: string): string {
  const names = [...new Set([...idle.map((w) => w.service), ...load.map((w) => w.service)])].sort();
  return table(
    [
      'service',
      'RSS idle MiB',
      `RSS under load MiB (peak, ${loadLabel})`,
      'CPU % idle',
      `CPU % under load (${loadLabel})`,
      'waiting for a CPU % (under load)',
    ],
    names.map((n) => {
      const i = idle.find((w) => w.service === n);
      const l = load.find((w) => w.service === n);
      return [n, i?.rssMeanMiB, l?.rssPeakMiB, i?.cpuPercent, l?.cpuPercent, l?.runQueueWaitPercent];
    }),
  );
}

/** p50 / p99 per hop per step (see hop-breakdown.ts for what each hop spans). */
export function hopsTable(steps: StepResult[]): string {
  const hops = steps[0] ? (Object.keys(steps[0].hops) as (keyof StepResult['hops'])[]) : [];
  return table(
    ['hop (p50 / p99 ms)', ...steps.map((s) => s.label)],
    hops.map((h) => [h, ...steps.map((s) => `${s.hops[h].p50} / ${s.hops[h].p99}`)]),
  );
}

/** Consumer handler run time and outbox publish latency per service over one step (from /metrics). */
export function timingsTable(step: StepResult): string {
  return table(
    [`service (${step.label})`, 'consumer / outbox', 'count', 'mean ms'],
    step.serviceTimings
      .filter((t) => !t.what.endsWith(' failed') || t.count > 0)
      .map((t) => [t.service, t.what, t.count, t.meanMs]),
  );
}
