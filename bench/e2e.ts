// End-to-end benchmark: intakes POSTed to the three platforms at stepped rates; per request the time
// until (a) case code, (b) offer dispatched, (c) handler accepted, (d) all three read models show the
// acceptance; baselines on the same servers; RSS/CPU of every service idle and under load.
//   npm run build && node -r ./test/swc-register.js bench/e2e.ts [--rates=1,2,3,4,6,8,12,20,40] [--step-seconds=20]
// Options: --runtime=dist|swc, --handlers=legal-aid,mediation, --service-types=..., --keep, --skip-baselines,
//          --http-sample-every=10 (0 = off), --pool=10, --drain-ms=15000, --give-up-p99-ms=5000
import { Args } from './lib/args';
import { runBaselines, Baselines } from './lib/baselines/run-baselines';
import {
  highestRateUnder,
  baselineTable,
  floorTable,
  hopsTable,
  memoryTable,
  stepRow,
  stepsTable,
  timingsTable,
} from './lib/e2e/e2e-report';
import { runStep, StepResult, StepTools } from './lib/e2e/load-step';
import { Floor, floorOf, Stage, STAGE_HOPS, STAGES } from './lib/floor';
import { Harness, log } from './lib/harness';
import type { Runtime } from './lib/launcher';
import { writeResults } from './lib/results';
import type { ResourceWindow } from './lib/resource-sampler';
import { defaultServiceType, HANDLER_SERVICES, HandlerService, PLATFORMS } from './lib/services';

async function main(): Promise<void> {
  const args = new Args();
  const runtime = args.oneOf<Runtime>('runtime', ['dist', 'swc'], 'dist');
  const rates = args.numbers('rates', [1, 2, 3, 4, 6, 8, 12, 20, 40]);
  const stepSeconds = args.number('step-seconds', 20);
  const handlers = args.string('handlers', 'legal-aid,mediation').split(',') as HandlerService[];
  for (const h of handlers)
    if (!(HANDLER_SERVICES as readonly string[]).includes(h)) throw new Error(`unknown handler ${h}`);
  const serviceTypes = args.string('service-types', handlers.map(defaultServiceType).join(',')).split(',');
  const keep = args.flag('keep');
  const giveUpMs = args.number('give-up-p99-ms', 5000);
  const httpSampleEvery = args.number('http-sample-every', 10);

  const harness = await Harness.open({
    label: 'e2e',
    runtime,
    handlers,
    dbPoolSize: args.number('pool', 10),
    httpSampling: httpSampleEvery > 0,
  });
  const onSignal = (): void => {
    log('interrupted: stopping services');
    void harness.close(keep).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  let failure: unknown;
  const steps: StepResult[] = [];
  let idle: ResourceWindow[] = [];
  let baselines: Baselines | undefined;
  let warmup: StepResult | undefined;
  try {
    log('idle: sampling RSS for 5 s');
    idle = await harness.idle(5);
    if (!args.flag('skip-baselines'))
      baselines = await runBaselines(
        { brokers: harness.settings.brokers, databaseUrl: harness.settings.databaseUrl, tag: harness.tag },
        log,
      );
    const tools: StepTools = {
      clients: harness.clients,
      tracker: harness.tracker,
      watcher: harness.watcher,
      regions: harness.regions,
      resources: harness.resources,
      sampler: harness.sampler,
      mix: { platforms: PLATFORMS, serviceTypes, urgentShare: 0.1 },
      runSalt: Math.floor(Math.random() * 100),
      services: () => harness.system.launcher.services,
      tag: harness.tag,
    };
    log('warm-up: 3/s for 5 s (not counted)');
    warmup = await runStep(
      { label: 'warm-up', rate: 3, seconds: 5, maxInFlight: 200, drainTimeoutMs: 20000, httpSampleEvery: 0, firstN: 0 },
      tools,
      log,
    );
    let firstN = 1000;
    for (const rate of rates) {
      log(`step ${rate}/s for ${stepSeconds} s`);
      const step = await runStep(
        {
          label: `${rate}/s`,
          rate,
          seconds: stepSeconds,
          maxInFlight: Math.max(200, rate * 10),
          drainTimeoutMs: args.number('drain-ms', 15000),
          httpSampleEvery,
          firstN,
        },
        tools,
        log,
      );
      steps.push(step);
      firstN += Math.round(rate * stepSeconds) + 1000;
      if (!(step.p99Strict.readModels < giveUpMs)) {
        log(`  strict p99 ${step.p99Strict.readModels} ms ≥ ${giveUpMs} ms: higher rates skipped`);
        break;
      }
    }
  } catch (e) {
    failure = e;
    log(`FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    for (const s of harness.system.launcher.services)
      if (!s.running) log(`  ${s.name} exited; log tail:\n${s.logTail()}`);
  }
  const brokerNote = harness.brokerNote();
  const cleanup = await harness.close(keep);

  const floors: Record<Stage, Floor> | undefined = baselines
    ? (Object.fromEntries(STAGES.map((s) => [s, floorOf(STAGE_HOPS[s], baselines as Baselines)])) as Record<
        Stage,
        Floor
      >)
    : undefined;
  const rows = steps.map((s) => stepRow(s, floors));
  const best = highestRateUnder(steps, 1000);
  const top = steps[steps.length - 1];
  const md = [
    `Run \`${harness.tag}\`, runtime ${runtime}, handlers ${handlers.join(', ')} (AUTO_ACCEPT_OFFERS), service types ${serviceTypes.join(', ')}, platforms in turn (hotline call, portal submission, centre walk-in).`,
    `Services started in ${harness.startupMs} ms. Times in ms from the start of the intake's POST; "all 3 read models" = when the last of the three platforms' read models (their work_order_view tables, polled every 100 ms) showed the accepted status. p99 counts a request that never got there as infinitely late.`,
    '',
    `**Highest stepped rate with end-to-end p99 < 1 s: ${best === undefined ? 'none of the steps' : `${best}/s`}.**`,
    '',
    stepsTable(rows),
    '',
    "Where the time goes (from the events' ce_time and the moment a side consumer read them; see bench/lib/e2e/hop-breakdown.ts):",
    '',
    hopsTable(steps),
    '',
    top
      ? 'Time spent inside the services in the last step (mean handler run time per consumer, outbox insert → broker ack), from their /metrics:'
      : '',
    '',
    top ? timingsTable(top) : '',
    '',
    baselines ? baselineTable(baselines) : '_baselines skipped_',
    '',
    floors ? floorTable(floors) : '',
    '',
    memoryTable(idle, top?.resources ?? [], top ? top.label : 'no load'),
    '',
    steps.some((s) => s.httpLookupSample.watched > 0)
      ? `HTTP lookups (sample, every ${httpSampleEvery}th request, polled every 150 ms on all three platforms' endpoints): ` +
        steps
          .map(
            (s) =>
              `${s.label}: ${s.httpLookupSample.watched} watched, all three p50 ${s.httpLookupSample.allThree.p50} ms / p99 ${s.httpLookupSample.allThree.p99} ms, ${s.httpLookupSample.timedOut} timed out`,
          )
          .join('; ')
      : '',
    brokerNote ? `\n**Warning:** ${brokerNote}.` : '',
    failure ? `\n**Run failed:** ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}` : '',
  ].join('\n');
  const strip = (s: StepResult): Omit<StepResult, 'traces'> & { traceCount: number } => {
    const { traces, ...rest } = s;
    return { ...rest, traceCount: traces.length };
  };
  const files = writeResults(
    'e2e',
    harness.machine,
    {
      tag: harness.tag,
      runtime,
      handlers,
      serviceTypes,
      startupMs: harness.startupMs,
      prepareNotes: harness.prepareNotes,
      baselines,
      floors,
      idle,
      warmup: warmup ? strip(warmup) : undefined,
      steps: steps.map(strip),
      rows,
      highestRateP99Under1s: best,
      cleanup,
      brokerNote,
      failure: failure ? String(failure instanceof Error ? failure.message : failure) : undefined,
    },
    md,
    {
      highestRateP99Under1s: best,
      topRate: top?.rate,
      topCompletedPerSecond: top?.completedPerSecond,
      e2eP50: rows[0]?.p50.readModels,
      e2eRatioP50: rows[0]?.ratioP50.readModels,
    },
  );
  console.log(`\n${md}\n\nwritten: ${files.json}\n         ${files.markdown}`);
  if (failure) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
