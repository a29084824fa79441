// CPU per intake summed over every process of the stack (each service, the Kafka broker, PostgreSQL, Redis:
// utime + stime of each process tree from /proc), the idle burn of the whole stack, idle RSS per service,
// and throughput / strict p99 at rising rates. Results: bench/results/<label>.{md,json} (--label, default cpu).
//   npm run build && node -r ./test/swc-register.js bench/cpu.ts [--idle-seconds=60] [--rate=5] [--seconds=20]
//   [--rates=10,20,50,100] [--step-seconds=10] [--runtime=dist|swc] [--keep]
//   [--warmup-rate=5] [--warmup-seconds=20] (intakes before the measured window, not counted)
//   [--idle-only] (start the stack, settle, measure the idle burn and RSS, stop: no load, ~2 min)
import { Args } from './lib/args';
import { runStep, StepResult, StepTools } from './lib/e2e/load-step';
import { Harness, log } from './lib/harness';
import type { ChildService, Runtime } from './lib/launcher';
import { table } from './lib/markdown';
import { writeResults } from './lib/results';
import { defaultServiceType, HANDLER_SERVICES, PLATFORMS } from './lib/services';
import { sleep } from './lib/sleep';
import { cpuDelta, stackCpu, StackCpu } from './lib/stack-cpu';

function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Ends the measured part after the idle window (--idle-only); the harness still stops and cleans up. */
class IdleOnlyDone extends Error {}

async function main(): Promise<void> {
  const args = new Args();
  const runtime = args.oneOf<Runtime>('runtime', ['dist', 'swc'], 'dist');
  const idleSeconds = args.number('idle-seconds', 60);
  const rate = args.number('rate', 2);
  const label = args.string('label', 'cpu');
  const seconds = args.number('seconds', 20);
  const rates = args.numbers('rates', [10, 20, 50, 100]);
  const stepSeconds = args.number('step-seconds', 10);
  const keep = args.flag('keep');
  const idleOnly = args.flag('idle-only');
  // Intakes before the measured window, not counted: V8 (and the broker's JIT) still optimise the hot paths during
  // the first hundreds of events, and a service in production is warm.
  const warmupRate = args.number('warmup-rate', 5);
  const warmupSeconds = args.number('warmup-seconds', 20);
  const handlers = HANDLER_SERVICES.filter((h) => h === 'legal-aid' || h === 'mediation');
  const dbPoolSize = args.number('pool', 10);
  const harness = await Harness.open({ label: 'cpu', runtime, handlers, dbPoolSize, httpSampling: false });
  const services = (): readonly ChildService[] => harness.system.launcher.services;
  let idle: StackCpu = {};
  let idleRss: { service: string; rssMiB: number }[] = [];
  let perIntake: StackCpu = {};
  let measured: StepResult | undefined;
  const steps: StepResult[] = [];
  let failure: unknown;
  try {
    log('settling 15 s after start-up');
    await sleep(15000);
    log(`idle: whole stack for ${idleSeconds} s`);
    const idleStart = stackCpu(services());
    const idleFrom = performance.now();
    await sleep(idleSeconds * 1000);
    const idleDelta = cpuDelta(idleStart, stackCpu(services()));
    const idleWall = (performance.now() - idleFrom) / 1000;
    idle = Object.fromEntries(Object.entries(idleDelta).map(([k, v]) => [k, round((v / idleWall) * 100, 2)]));
    idleRss = services().map((s) => ({ service: s.name, rssMiB: s.rssMiB() }));
    log(`  idle % of one core: ${JSON.stringify(idle)}`);
    log(`  idle RSS MiB: ${JSON.stringify(idleRss)}`);
    if (idleOnly) throw new IdleOnlyDone();
    const tools: StepTools = {
      clients: harness.clients,
      tracker: harness.tracker,
      watcher: harness.watcher,
      regions: harness.regions,
      resources: harness.resources,
      mix: { platforms: PLATFORMS, serviceTypes: handlers.map(defaultServiceType), urgentShare: 0.1 },
      runSalt: Math.floor(Math.random() * 100),
    };
    log(`warm-up: ${warmupRate}/s for ${warmupSeconds} s (not counted)`);
    const once = { httpSampleEvery: 0 };
    const warmup = {
      ...once,
      label: 'warm-up',
      rate: warmupRate,
      seconds: warmupSeconds,
      maxInFlight: 200,
      firstN: 0,
      drainTimeoutMs: 20000,
    };
    await runStep(warmup, tools, log);
    log(`CPU per intake: ${rate}/s for ${seconds} s`);
    const before = stackCpu(services());
    const from = performance.now();
    const config = {
      ...once,
      label: `${rate}/s`,
      rate,
      seconds,
      maxInFlight: 500,
      drainTimeoutMs: 90000,
      firstN: 1000,
    };
    measured = await runStep(config, tools, log);
    const wall = (performance.now() - from) / 1000;
    const delta = cpuDelta(before, stackCpu(services()));
    // Every intake sent costs CPU whether it completed in the drain or not: divide by those sent.
    const n = Math.max(1, measured.submitted);
    perIntake = Object.fromEntries(Object.entries(delta).map(([k, v]) => [k, round((v / n) * 1000, 1)]));
    // Net of the idle burn over the same wall time (what the intakes themselves cost).
    perIntake.totalNetOfIdle = round((((delta.total ?? 0) - ((idle.total ?? 0) / 100) * wall) / n) * 1000, 1);
    log(`  ms CPU per intake (${measured.completed} completed): ${JSON.stringify(perIntake)}`);
    let firstN = 100000;
    for (const r of rates) {
      log(`step ${r}/s for ${stepSeconds} s`);
      const maxInFlight = Math.max(500, r * 10);
      const stepConfig = {
        ...once,
        label: `${r}/s`,
        rate: r,
        seconds: stepSeconds,
        maxInFlight,
        drainTimeoutMs: 15000,
        firstN,
      };
      const step = await runStep(stepConfig, tools, log);
      firstN += 100000;
      steps.push(step);
      const p99 = step.p99Strict.readModels;
      log(`  completed ${step.completed}/${step.submitted}, ${step.completedPerSecond}/s, strict p99 ${p99} ms`);
      if (!(step.p99Strict.readModels < 5000)) break;
    }
  } catch (e) {
    if (!(e instanceof IdleOnlyDone)) failure = e;
  }
  await harness.close(keep);
  if (failure) throw failure;
  const names = Object.keys(idleOnly ? idle : perIntake).filter((k) => k !== 'total' && k !== 'totalNetOfIdle');
  const idleBody = [
    `## Idle burn (% of one core over ${idleSeconds} s without traffic, 15 s after start-up) and idle RSS`,
    '',
    'PostgreSQL, Kafka and Redis are shared with other work on this machine: their share is an upper bound.',
    '',
    table(
      ['process', 'idle % of one core', 'share of the total %', 'idle RSS MiB'],
      [
        ...names.map((k) => [
          k,
          idle[k],
          round(((idle[k] ?? 0) / (idle.total || 1)) * 100, 1),
          idleRss.find((x) => x.service === k)?.rssMiB,
        ]),
        ['**total**', idle.total, 100, undefined],
      ],
    ),
  ].join('\n');
  const body = [
    '## CPU per intake, all processes (ms of CPU per completed intake, full path to all three read models)',
    '',
    `${measured?.submitted ?? 0} intakes sent at ${rate}/s, ${measured?.completed ?? 0} completed, after a warm-up of ${warmupRate}/s for ${warmupSeconds} s (not counted).`,
    'PostgreSQL, Kafka and Redis are shared with other work on this machine:',
    'their share includes whatever else ran meanwhile.',
    '',
    table(
      ['process', 'ms per intake', 'idle % of one core', 'idle RSS MiB'],
      [
        ...names.map((k) => [k, perIntake[k], idle[k], idleRss.find((x) => x.service === k)?.rssMiB]),
        ['**total**', perIntake.total, idle.total, undefined],
        ['total net of idle burn', perIntake.totalNetOfIdle, undefined, undefined],
      ],
    ),
    '',
    '## Throughput and strict p99 to all three read models (latency is noisy on this shared machine)',
    '',
    table(
      ['offered/s', 'completed/s', 'p50 ms', 'strict p99 ms'],
      steps.map((s) => [s.rate, s.completedPerSecond, s.stages.readModels.p50, s.p99Strict.readModels]),
    ),
  ].join('\n');
  const best = steps
    .filter((s) => s.p99Strict.readModels < 1000)
    .map((s) => s.rate)
    .pop();
  const files = writeResults(
    label,
    harness.machine,
    {
      idlePercentOfCore: idle,
      idleRss,
      cpuMsPerIntake: perIntake,
      measured: measured && { ...measured, traces: undefined },
      steps: steps.map((s) => ({ ...s, traces: undefined })),
    },
    idleOnly ? idleBody : body,
    {
      cpuMsPerIntake: perIntake.total,
      cpuMsPerIntakeNetOfIdle: perIntake.totalNetOfIdle,
      idlePercentOfCore: idle.total,
      highestRateP99Under1s: best,
    },
  );
  log(`results: ${files.markdown}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
