// Failover: steady load while a work-order instance is SIGKILLed and restarted at once (as a supervisor
// would), first with one work-order instance, then with two. Measures the time from the kill to the first
// dispatch, intake-to-dispatch during the event, and how soon the restarted process answers HTTP and is ready.
//   node -r ./test/swc-register.js bench/failover.ts [--rate=4] [--seconds=30] [--kill-at=10]
// Options: --runtime=dist|swc, --pool=6, --keep
import { Args } from './lib/args';
import type { IntakeTrace } from './lib/e2e/intake-trace';
import { runStep, StepResult, StepTools } from './lib/e2e/load-step';
import { Harness, log } from './lib/harness';
import { waitForGroupMembers } from './lib/kafka-groups';
import type { ChildService, Runtime } from './lib/launcher';
import { table } from './lib/markdown';
import { checkLedger, LedgerCheck } from './lib/observe/ledger-check';
import { writeResults } from './lib/results';
import { PLATFORMS, schemaOf } from './lib/services';
import { sleep } from './lib/sleep';
import { percentile, summarize, Summary } from './lib/stats';

/** Intakes sent from this long before the kill until this long after it are "during the event". */
const EVENT_BEFORE_MS = 2000;
const EVENT_AFTER_MS = 20000;

interface Restart {
  /** Spawn → /health/live answers (HTTP serves). */
  httpMs?: number;
  /** Spawn → /health/ready 200 (its consumer groups joined). */
  readyMs?: number;
}

interface Phase {
  instances: number;
  killedAt: number;
  /** Kill → first dispatch of an intake sent after the kill. */
  firstDispatchAfterKillMs?: number;
  /** Intake → dispatch of the intakes sent during the event (not dispatched counts as infinitely late). */
  eventIntakes: number;
  eventDispatch: Summary;
  eventDispatchP99Strict: number;
  /** Intake → dispatch of the intakes sent more than EVENT_AFTER_MS after the kill (recovered). */
  afterDispatch: Summary;
  beforeDispatch: Summary;
  restart: Restart;
  step: Omit<StepResult, 'traces'>;
  ledger?: LedgerCheck;
}

function dispatchMs(t: IntakeTrace): number | undefined {
  return t.dispatchedAt === undefined ? undefined : t.dispatchedAt - t.submitted.t0;
}

function strictP99(values: (number | undefined)[]): number {
  if (values.length === 0) return NaN;
  return percentile(
    [...values.map((v) => v ?? Infinity)].sort((a, b) => a - b),
    99,
  );
}

/** Polls the new process's /health/live and /health/ready from its spawn. */
async function watchRestart(
  harness: Harness,
  before: readonly ChildService[],
  spawnedAt: number,
  timeoutMs: number,
): Promise<Restart> {
  const result: Restart = {};
  let child: ChildService | undefined;
  while (Date.now() - spawnedAt < timeoutMs && result.readyMs === undefined) {
    child ??= harness.system.launcher.services.find((s) => s.service === 'work-order' && !before.includes(s));
    if (child) {
      if (result.httpMs === undefined) {
        const live = await fetch(`${child.url}/health/live`, { signal: AbortSignal.timeout(500) }).catch(
          () => undefined,
        );
        if (live?.ok) result.httpMs = Date.now() - spawnedAt;
      }
      const ready = await fetch(`${child.url}/health/ready`, { signal: AbortSignal.timeout(1000) }).catch(
        () => undefined,
      );
      if (ready?.ok) result.readyMs = Date.now() - spawnedAt;
    }
    await sleep(100);
  }
  return result;
}

interface PhaseOptions {
  rate: number;
  seconds: number;
  killAtMs: number;
  firstN: number;
}

async function runPhase(harness: Harness, tools: StepTools, instances: number, opts: PhaseOptions): Promise<Phase> {
  let killedAt = 0;
  let restart: Promise<Restart> = Promise.resolve({});
  let restarted: Promise<unknown> = Promise.resolve();
  const timer = setTimeout(() => {
    const { launcher } = harness.system;
    const alive = launcher.services.find((s) => s.service === 'work-order' && s.running);
    const victim = launcher.find('work-order', alive?.instance ?? 1);
    const before = [...harness.system.launcher.services];
    process.kill(victim.pid, 'SIGKILL');
    killedAt = Date.now();
    log(`  SIGKILL work-order#${victim.instance} (pid ${victim.pid}); restarting it`);
    restarted = harness.system.addInstance('work-order').catch((e: unknown) => log(`  restart failed: ${String(e)}`));
    restart = watchRestart(harness, before, killedAt, 120000);
  }, opts.killAtMs);
  const step = await runStep(
    {
      label: `${instances}x kill`,
      rate: opts.rate,
      seconds: opts.seconds,
      maxInFlight: 400,
      drainTimeoutMs: 90000,
      httpSampleEvery: 0,
      firstN: opts.firstN,
    },
    tools,
    log,
  );
  clearTimeout(timer);
  await restarted;
  const restartTimes = await restart;
  const traces = step.traces.filter((t) => t.submitted.intakeId);
  const sentAfter = traces.filter((t) => t.submitted.t0 >= killedAt);
  const firstDispatch = Math.min(...sentAfter.flatMap((t) => (t.dispatchedAt === undefined ? [] : [t.dispatchedAt])));
  const during = traces.filter(
    (t) => t.submitted.t0 >= killedAt - EVENT_BEFORE_MS && t.submitted.t0 < killedAt + EVENT_AFTER_MS,
  );
  const values = (list: IntakeTrace[]): number[] =>
    list.flatMap((t) => (dispatchMs(t) === undefined ? [] : [dispatchMs(t) as number]));
  const { traces: _omitted, ...stepRest } = step;
  const ledger = await checkLedger(
    harness.settings.databaseUrl,
    { workOrder: schemaOf(harness.tag, 'work-order'), handlers: { 'legal-aid': schemaOf(harness.tag, 'legal-aid') } },
    traces.map((t) => t.submitted.intakeId as string),
    harness.tracker,
  );
  return {
    instances,
    killedAt,
    firstDispatchAfterKillMs: Number.isFinite(firstDispatch) ? firstDispatch - killedAt : undefined,
    eventIntakes: during.length,
    eventDispatch: summarize(values(during)),
    eventDispatchP99Strict: strictP99(during.map(dispatchMs)),
    beforeDispatch: summarize(values(traces.filter((t) => t.submitted.t0 < killedAt - EVENT_BEFORE_MS))),
    afterDispatch: summarize(values(traces.filter((t) => t.submitted.t0 >= killedAt + EVENT_AFTER_MS))),
    restart: restartTimes,
    step: stepRest,
    ledger,
  };
}

async function main(): Promise<void> {
  const args = new Args();
  const runtime = args.oneOf<Runtime>('runtime', ['dist', 'swc'], 'dist');
  const rate = args.number('rate', 4);
  const seconds = args.number('seconds', 30);
  const killAtMs = args.number('kill-at', 10) * 1000;
  const keep = args.flag('keep');
  const harness = await Harness.open({
    label: 'failover',
    runtime,
    handlers: ['legal-aid'],
    dbPoolSize: args.number('pool', 6),
    httpSampling: false,
  });
  process.once('SIGINT', () => {
    void harness.close(keep).finally(() => process.exit(130));
  });
  const tools: StepTools = {
    clients: harness.clients,
    tracker: harness.tracker,
    watcher: harness.watcher,
    regions: harness.regions,
    resources: harness.resources,
    mix: { platforms: PLATFORMS, serviceTypes: ['legal-aid'], urgentShare: 0.1 },
    runSalt: Math.floor(Math.random() * 100),
    services: () => harness.system.launcher.services,
    tag: harness.tag,
  };
  const phases: Phase[] = [];
  let failure: unknown;
  let firstN = 0;
  try {
    log('warm-up: 3/s for 5 s (not counted)');
    const warmUp = { label: 'warm-up', rate: 3, seconds: 5, maxInFlight: 200, drainTimeoutMs: 20000 };
    await runStep({ ...warmUp, httpSampleEvery: 0, firstN }, tools, log);
    firstN += 1000;
    for (const instances of [1, 2]) {
      if (instances === 2) {
        log('adding a second work-order instance');
        await harness.system.addInstance('work-order');
        const groups = await waitForGroupMembers(harness.settings.brokers, [`${harness.tag}.work-order.`], 2, 60000);
        log(`  work-order groups ${groups.ok ? 'have 2 members' : 'NOT all at 2 members'}`);
      }
      log(`${instances}× work-order: ${rate}/s for ${seconds} s, SIGKILL one instance after ${killAtMs / 1000} s`);
      const phase = await runPhase(harness, tools, instances, { rate, seconds, killAtMs, firstN });
      firstN += Math.round(rate * seconds) + 1000;
      log(
        `  first dispatch after the kill: ${String(Math.round(phase.firstDispatchAfterKillMs ?? NaN))} ms; ` +
          `event p99 ${Math.round(phase.eventDispatchP99Strict)} ms (max ${Math.round(phase.eventDispatch.max)}); ` +
          `restart: HTTP ${String(phase.restart.httpMs)} ms, ready ${String(phase.restart.readyMs)} ms; ` +
          `ledger ${phase.ledger?.ok ? 'OK' : phase.ledger?.problems.join('; ')}`,
      );
      phases.push(phase);
    }
  } catch (e) {
    failure = e;
    log(`FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  const brokerNote = harness.brokerNote();
  const cleanup = await harness.close(keep);
  const rows = phases.map((p) => [
    `${p.instances}× work-order`,
    p.firstDispatchAfterKillMs === undefined ? undefined : Math.round(p.firstDispatchAfterKillMs),
    p.eventIntakes,
    Math.round(p.eventDispatch.p50),
    Number.isFinite(p.eventDispatchP99Strict) ? Math.round(p.eventDispatchP99Strict) : 'not all dispatched',
    Math.round(p.eventDispatch.max),
    Math.round(p.beforeDispatch.p99),
    Math.round(p.afterDispatch.p99),
    p.restart.httpMs,
    p.restart.readyMs,
    p.ledger ? (p.ledger.ok ? `OK (${p.ledger.intakesSent} intakes)` : p.ledger.problems.join('; ')) : 'not checked',
  ]);
  const md = [
    `Run \`${harness.tag}\`, runtime ${runtime}; ${rate} intakes/s for ${seconds} s per phase over the three ` +
      `platforms (service type legal-aid), one work-order instance SIGKILLed ${killAtMs / 1000} s into the phase and ` +
      `restarted at ` +
      `once. "During the event": intakes sent from ${EVENT_BEFORE_MS / 1000} s before to ${EVENT_AFTER_MS / 1000} s ` +
      `after the kill. Consumer session and heartbeat: the services' ` +
      `KAFKA_SESSION_TIMEOUT_MS / KAFKA_HEARTBEAT_INTERVAL_MS (default 10 s / 1 s).`,
    '',
    table(
      [
        'instances',
        'kill → first dispatch ms',
        'intakes during event',
        'event dispatch p50 ms',
        'event dispatch p99 ms',
        'event max ms',
        'p99 before ms',
        'p99 after ms',
        'restart → HTTP ms',
        'restart → ready ms',
        'ledger',
      ],
      rows,
    ),
    '',
    'Intake → dispatch is from the platform POST to the work-order dispatch event on Kafka. ' +
      '"kill → first dispatch" counts intakes sent after the kill only.',
    brokerNote ? `\n**Warning:** ${brokerNote}.` : '',
    failure ? `\n**Run failed:** ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}` : '',
  ].join('\n');
  const files = writeResults(
    'failover',
    harness.machine,
    {
      tag: harness.tag,
      runtime,
      rate,
      seconds,
      killAtMs,
      phases,
      cleanup,
      brokerNote,
      failure: failure ? String(failure instanceof Error ? failure.message : failure) : undefined,
    },
    md,
    {
      firstDispatchAfterKillMs: phases.map((p) => p.firstDispatchAfterKillMs),
      eventDispatchP99Ms: phases.map((p) => p.eventDispatchP99Strict),
      restartReadyMs: phases.map((p) => p.restart.readyMs),
      ledgerOk: phases.map((p) => p.ledger?.ok),
    },
  );
  console.log(`\n${md}\n\nwritten: ${files.json}\n         ${files.markdown}`);
  if (failure) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
