import { loadavg } from 'node:os';
import { PlatformClients, SubmittedIntake } from '../intake/platform-clients';
import { RegionPicker } from '../intake/regions';
import { HttpLookupSampler } from '../observe/http-lookup-sampler';
import { KafkaStageTracker } from '../observe/kafka-stage-tracker';
import { scrapeTotals, timingDeltas, TimingDelta } from '../observe/metrics-scraper';
import type { ChildService } from '../launcher';
import { ReadModelWatcher } from '../observe/read-model-watcher';
import { paced, PacedRunReport } from '../pacer';
import { ResourceSampler, ResourceWindow } from '../resource-sampler';
import { sleep } from '../sleep';
import { summarize, Summary } from '../stats';
import { Stage, STAGES } from '../floor';
import { Hop, hopSummary } from './hop-breakdown';
import { IntakeTrace, isSettled, traceOf } from './intake-trace';
import { makeRequest, RequestMix } from './request-mix';

export interface StepConfig {
  label: string;
  rate: number;
  seconds: number;
  maxInFlight: number;
  drainTimeoutMs: number;
  /** Every n-th request is also watched through the platforms' lookup endpoints (0 = none). */
  httpSampleEvery: number;
  firstN: number;
}

export interface StepTools {
  clients: PlatformClients;
  tracker: KafkaStageTracker;
  watcher: ReadModelWatcher;
  regions: RegionPicker;
  resources: ResourceSampler;
  sampler?: HttpLookupSampler;
  mix: RequestMix;
  runSalt: number;
  /** The run's service processes and tag, for /metrics scraping (optional). */
  services?: () => readonly ChildService[];
  tag?: string;
}

export interface StepResult {
  label: string;
  rate: number;
  seconds: number;
  pacing: PacedRunReport;
  submitted: number;
  httpAccepted: number;
  httpFailures: { status: number; count: number; example: string }[];
  settled: number;
  completed: number;
  /**
   * Throughput: completions per second between the 10th and the 90th percentile completion time
   * (the steady middle of the step: the offered rate when the system keeps up, its capacity when not).
   */
  completedPerSecond: number;
  /** Completions per second from the first POST to the last completion (includes the latency tail). */
  completedPerSecondMakespan: number;
  drainMs: number;
  http: Summary;
  stages: Record<Stage, Summary>;
  readModelsVisible: Summary;
  /** p99 counting every request that never reached the stage as infinitely late. */
  p99Strict: Record<Stage, number>;
  httpLookupSample: { watched: number; allThree: Summary; timedOut: number; lastError?: string };
  outcomes: Record<string, number>;
  /** Per hop, from the events' own times (see hop-breakdown.ts). */
  hops: Record<Hop, Summary>;
  /** Completion and end-to-end p50 per platform and service type. */
  breakdown: {
    platform: string;
    serviceType: string;
    sent: number;
    completed: number;
    e2eP50: number;
    caseCodeP50: number;
  }[];
  resources: ResourceWindow[];
  /** Mean consumer handler run time and outbox publish latency over the step, from the services' /metrics. */
  serviceTimings: TimingDelta[];
  /** CPU the bench process itself used (load generator and observers), % of one core; 1-minute load average at the end. */
  benchCpuPercent: number;
  loadAverage: number;
  traces: IntakeTrace[];
}

function stageTime(trace: IntakeTrace, stage: Stage): number | undefined {
  switch (stage) {
    case 'caseCode':
      return trace.caseCodeAt;
    case 'dispatched':
      return trace.dispatchedAt;
    case 'accepted':
      return trace.acceptedAt;
    case 'readModels':
      return trace.readModelsAt;
  }
}

function strictP99(latencies: (number | undefined)[]): number {
  if (latencies.length === 0) return NaN;
  const sorted = latencies.map((v) => v ?? Infinity).sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? Infinity;
  return Number.isFinite(v) ? Math.round(v * 100) / 100 : Infinity;
}

function benchCpu(start: NodeJS.CpuUsage, wallMs: number): number {
  const used = process.cpuUsage(start);
  return wallMs > 0 ? Math.round(((used.user + used.system) / 1000 / wallMs) * 1000) / 10 : NaN;
}

function steadyRate(doneAt: number[]): number {
  if (doneAt.length < 10) return NaN;
  const sorted = [...doneAt].sort((a, b) => a - b);
  const lo = sorted[Math.floor(sorted.length * 0.1)] ?? 0;
  const hi = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  const n = Math.floor(sorted.length * 0.9) - Math.floor(sorted.length * 0.1);
  return hi > lo ? Math.round((n / ((hi - lo) / 1000)) * 100) / 100 : NaN;
}

function breakdownOf(traces: IntakeTrace[]): StepResult['breakdown'] {
  const groups = new Map<string, IntakeTrace[]>();
  for (const t of traces) {
    const key = `${t.submitted.platform}|${t.submitted.serviceType}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, list]) => {
      const [platform = '', serviceType = ''] = key.split('|');
      return {
        platform,
        serviceType,
        sent: list.length,
        completed: list.filter((t) => t.readModelsAt !== undefined).length,
        e2eP50: summarize(list.flatMap((t) => (t.readModelsAt === undefined ? [] : [t.readModelsAt - t.submitted.t0])))
          .p50,
        caseCodeP50: summarize(list.flatMap((t) => (t.caseCodeAt === undefined ? [] : [t.caseCodeAt - t.submitted.t0])))
          .p50,
      };
    });
}

/** Sends `rate × seconds` requests open-loop, then waits until each settled (or the drain timed out). */
export async function runStep(config: StepConfig, tools: StepTools, log: (line: string) => void): Promise<StepResult> {
  const submitted: SubmittedIntake[] = [];
  const metricsBefore = tools.services && tools.tag ? await scrapeTotals(tools.services(), tools.tag) : [];
  const windowStart = performance.now();
  const cpuStart = process.cpuUsage();
  const sampledAt = new Map<number, number>();
  const pacing = await paced(config.rate, config.seconds, config.maxInFlight, async (i) => {
    const n = config.firstN + i;
    const request = makeRequest(n, tools.mix, tools.regions, tools.runSalt);
    const result = await tools.clients.submit(request);
    submitted.push(result);
    if (tools.sampler && config.httpSampleEvery > 0 && i % config.httpSampleEvery === 0 && result.intakeId) {
      const intakeId = result.intakeId;
      for (let k = 0; k < 200; k++) {
        const outcome = tools.tracker.outcomes.get(intakeId);
        if (outcome?.caseCode) {
          if (tools.sampler.offer({ n, caseCode: outcome.caseCode, phone: request.citizen.phone, t0: result.t0 }))
            sampledAt.set(n, result.t0);
          break;
        }
        await sleep(50);
      }
    }
  });
  const sendEnd = performance.now();
  const drainDeadline = Date.now() + config.drainTimeoutMs;
  let traces = submitted.map((s) => traceOf(s, tools.tracker, tools.watcher));
  while (Date.now() < drainDeadline && !traces.every(isSettled)) {
    await sleep(200);
    traces = submitted.map((s) => traceOf(s, tools.tracker, tools.watcher));
  }
  await tools.watcher.pollOnce().catch(() => undefined);
  traces = submitted.map((s) => traceOf(s, tools.tracker, tools.watcher));
  await tools.sampler?.drain();
  const windowEnd = performance.now();
  tools.resources.sampleNow();
  const metricsAfter = tools.services && tools.tag ? await scrapeTotals(tools.services(), tools.tag) : [];

  const accepted = traces.filter((t) => t.submitted.intakeId);
  const failures = new Map<number, { count: number; example: string }>();
  for (const t of traces.filter((x) => !x.submitted.intakeId)) {
    const f = failures.get(t.submitted.status) ?? { count: 0, example: t.submitted.error ?? '' };
    f.count += 1;
    failures.set(t.submitted.status, f);
  }
  const latency = (stage: Stage): (number | undefined)[] =>
    accepted.map((t) => {
      const at = stageTime(t, stage);
      return at === undefined ? undefined : at - t.submitted.t0;
    });
  const stages = Object.fromEntries(
    STAGES.map((s) => [s, summarize(latency(s).filter((v): v is number => v !== undefined))]),
  ) as Record<Stage, Summary>;
  const p99Strict = Object.fromEntries(STAGES.map((s) => [s, strictP99(latency(s))])) as Record<Stage, number>;
  const completedTraces = accepted.filter((t) => t.readModelsAt !== undefined);
  const firstT0 = Math.min(...accepted.map((t) => t.submitted.t0));
  const lastDone = Math.max(...completedTraces.map((t) => t.readModelsAt ?? 0));
  const outcomes: Record<string, number> = {};
  for (const t of accepted) {
    const key = t.outcome ?? (t.outcomeType ? t.outcomeType : 'no-outcome-seen');
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const sample = tools.sampler?.results.filter((r) => sampledAt.has(r.n)) ?? [];
  const result: StepResult = {
    label: config.label,
    rate: config.rate,
    seconds: config.seconds,
    pacing,
    submitted: submitted.length,
    httpAccepted: accepted.length,
    httpFailures: [...failures.entries()].map(([status, f]) => ({
      status,
      count: f.count,
      example: f.example.slice(0, 300),
    })),
    settled: traces.filter(isSettled).length,
    completed: completedTraces.length,
    completedPerSecond: steadyRate(completedTraces.map((t) => t.readModelsAt ?? 0)),
    completedPerSecondMakespan:
      completedTraces.length > 0 && lastDone > firstT0
        ? Math.round((completedTraces.length / ((lastDone - firstT0) / 1000)) * 100) / 100
        : 0,
    drainMs: Math.round(windowEnd - sendEnd),
    http: summarize(accepted.map((t) => t.submitted.httpMs)),
    stages,
    readModelsVisible: summarize(
      accepted.map((t) => (t.readModelsVisibleAt === undefined ? NaN : t.readModelsVisibleAt - t.submitted.t0)),
    ),
    p99Strict,
    httpLookupSample: {
      watched: sample.length,
      allThree: summarize(sample.flatMap((r) => (r.allMs === undefined ? [] : [r.allMs]))),
      timedOut: sample.filter((r) => r.allMs === undefined).length,
      ...(sample.find((r) => r.lastError)?.lastError ? { lastError: sample.find((r) => r.lastError)?.lastError } : {}),
    },
    outcomes,
    hops: hopSummary(accepted, tools.tracker),
    breakdown: breakdownOf(accepted),
    resources: tools.resources.window(windowStart, windowEnd),
    serviceTimings: timingDeltas(metricsBefore, metricsAfter),
    benchCpuPercent: benchCpu(cpuStart, windowEnd - windowStart),
    loadAverage: Math.round((loadavg()[0] ?? NaN) * 100) / 100,
    traces,
  };
  log(
    `  ${config.label}: ${result.httpAccepted}/${result.submitted} accepted over HTTP, ${result.completed} completed (${result.completedPerSecond}/s); ` +
      STAGES.map((s) => `${s} p50 ${stages[s].p50} p99 ${p99Strict[s]}`).join(', ') +
      (result.httpFailures.length
        ? `; HTTP failures ${JSON.stringify(result.httpFailures.map((f) => [f.status, f.count]))}`
        : ''),
  );
  return result;
}
