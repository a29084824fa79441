// Scale-out: the same load against one instance of the work-order service and of legal-aid, then
// against two of each (same broker, same schemas, same consumer groups): throughput, latency and
// correctness (no work order lost or doubled).
//   node -r ./test/swc-register.js bench/scale-out.ts [--rates=4,8] [--step-seconds=20]
// Options: --runtime=dist|swc, --handler=legal-aid (the handler that gets a second instance), --keep
import { Args } from './lib/args';
import { isSettled, traceOf } from './lib/e2e/intake-trace';
import { runStep, StepResult, StepTools } from './lib/e2e/load-step';
import { Harness, log } from './lib/harness';
import { waitForGroupMembers } from './lib/kafka-groups';
import type { Runtime } from './lib/launcher';
import { table } from './lib/markdown';
import { checkLedger, LedgerCheck } from './lib/observe/ledger-check';
import { writeResults } from './lib/results';
import { HANDLER_SERVICES, HandlerService, PLATFORMS, schemaOf } from './lib/services';
import { sleep } from './lib/sleep';
import { ratio } from './lib/stats';

interface Phase {
  instances: string;
  steps: StepResult[];
  drained?: { settled: number; total: number; waitedMs: number };
  ledger?: LedgerCheck;
}

/** Waits until every request of the steps settled (outcome and, for work orders, all three read models), or the timeout. */
async function waitSettled(
  steps: StepResult[],
  harness: Harness,
  timeoutMs: number,
): Promise<{ settled: number; total: number; waitedMs: number }> {
  const start = Date.now();
  const submitted = steps.flatMap((s) => s.traces.map((t) => t.submitted));
  let settled = 0;
  for (let i = 0; i < Math.ceil(timeoutMs / 500); i++) {
    settled = submitted.filter((s) => isSettled(traceOf(s, harness.tracker, harness.watcher))).length;
    if (settled === submitted.length) break;
    await sleep(500);
  }
  return { settled, total: submitted.length, waitedMs: Date.now() - start };
}

async function main(): Promise<void> {
  const args = new Args();
  const runtime = args.oneOf<Runtime>('runtime', ['dist', 'swc'], 'dist');
  const rates = args.numbers('rates', [4, 8]);
  const stepSeconds = args.number('step-seconds', 20);
  const scaled = args.oneOf<HandlerService>('handler', HANDLER_SERVICES, 'legal-aid');
  const handlers: HandlerService[] = scaled === 'legal-aid' ? ['legal-aid', 'mediation'] : ['legal-aid', scaled];
  const keep = args.flag('keep');
  const harness = await Harness.open({
    label: 'scale',
    runtime,
    handlers,
    dbPoolSize: args.number('pool', 8),
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
    mix: {
      platforms: PLATFORMS,
      serviceTypes: scaled === 'legal-aid' ? ['legal-aid', 'mediation'] : [scaled, 'legal-aid'],
      urgentShare: 0.1,
    },
    runSalt: Math.floor(Math.random() * 100),
    services: () => harness.system.launcher.services,
    tag: harness.tag,
  };
  const phases: Phase[] = [];
  let failure: unknown;
  let groupsAfterScale: Awaited<ReturnType<typeof waitForGroupMembers>> | undefined;
  let firstN = 0;
  const ledgerFor = async (steps: StepResult[]): Promise<LedgerCheck> =>
    checkLedger(
      harness.settings.databaseUrl,
      {
        workOrder: schemaOf(harness.tag, 'work-order'),
        handlers: Object.fromEntries(handlers.map((h) => [h, schemaOf(harness.tag, h)])),
      },
      steps.flatMap((s) => s.traces.flatMap((t) => (t.submitted.intakeId ? [t.submitted.intakeId] : []))),
      harness.tracker,
    );
  try {
    log('warm-up: 3/s for 5 s (not counted)');
    await runStep(
      { label: 'warm-up', rate: 3, seconds: 5, maxInFlight: 200, drainTimeoutMs: 20000, httpSampleEvery: 0, firstN },
      tools,
      log,
    );
    firstN += 1000;
    for (const count of [1, 2]) {
      if (count === 2) {
        log(`adding a second work-order and a second ${scaled} instance`);
        await Promise.all([harness.system.addInstance('work-order'), harness.system.addInstance(scaled)]);
        groupsAfterScale = await waitForGroupMembers(
          harness.settings.brokers,
          [`${harness.tag}.work-order.`, `${harness.tag}.${scaled}.`],
          2,
          60000,
        );
        log(
          `  consumer groups ${groupsAfterScale.ok ? 'rebalanced' : 'NOT all rebalanced'}: ${groupsAfterScale.groups.map((g) => `${g.groupId.slice(harness.tag.length + 1)} ${g.state}/${g.members}`).join(', ')}`,
        );
      }
      const phase: Phase = {
        instances: count === 1 ? `1× work-order, 1× ${scaled}` : `2× work-order, 2× ${scaled}`,
        steps: [],
      };
      for (const rate of rates) {
        log(`${phase.instances}: ${rate}/s for ${stepSeconds} s`);
        phase.steps.push(
          await runStep(
            {
              label: `${count}x ${rate}/s`,
              rate,
              seconds: stepSeconds,
              maxInFlight: Math.max(200, rate * 10),
              drainTimeoutMs: 20000,
              httpSampleEvery: 0,
              firstN,
            },
            tools,
            log,
          ),
        );
        firstN += Math.round(rate * stepSeconds) + 1000;
      }
      const drained = await waitSettled(phase.steps, harness, 60000);
      log(
        `  drained: ${drained.settled}/${drained.total} requests settled (${drained.waitedMs} ms after the last step)`,
      );
      phase.drained = drained;
      phase.ledger = await ledgerFor(phase.steps);
      log(
        `  ledger: ${phase.ledger.ok ? 'OK' : `PROBLEMS: ${phase.ledger.problems.join('; ')}`} (${phase.ledger.intakesSent} intakes, ${String(phase.ledger.workOrders)} work orders, ${String(phase.ledger.distinctCaseCodes)} case codes)`,
      );
      phases.push(phase);
    }
  } catch (e) {
    failure = e;
    log(`FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    for (const s of harness.system.launcher.services)
      if (!s.running) log(`  ${s.name} exited; log tail:\n${s.logTail()}`);
  }
  const brokerNote = harness.brokerNote();
  const cleanup = await harness.close(keep);
  const rows = rates.map((rate, i) => {
    const one = phases[0]?.steps[i];
    const two = phases[1]?.steps[i];
    return [
      rate,
      one?.completedPerSecond,
      two?.completedPerSecond,
      ratio(two?.completedPerSecond ?? NaN, one?.completedPerSecond ?? NaN),
      one ? `${one.stages.readModels.p50} / ${one.p99Strict.readModels}` : undefined,
      two ? `${two.stages.readModels.p50} / ${two.p99Strict.readModels}` : undefined,
      one ? `${one.completed}/${one.submitted}` : undefined,
      two ? `${two.completed}/${two.submitted}` : undefined,
    ];
  });
  const ledgerRows = phases.map((p) => [
    p.instances,
    p.ledger?.intakesSent,
    p.drained ? `${p.drained.settled}/${p.drained.total}` : undefined,
    String(p.ledger?.workOrderIntakes),
    String(p.ledger?.workOrders),
    String(p.ledger?.distinctCaseCodes),
    String(p.ledger?.workOrdersWithSeveralAcceptedOffers),
    JSON.stringify(p.ledger?.handlerDoubleAcceptances ?? {}),
    p.ledger?.workOrdersWithSeveralOffers,
    p.ledger ? (p.ledger.ok ? 'OK' : p.ledger.problems.join('; ')) : 'not checked',
  ]);
  const md = [
    `Run \`${harness.tag}\`, runtime ${runtime}; second instances of work-order and ${scaled} share the schema, topics and consumer groups of the first. Service types ${tools.mix.serviceTypes.join(', ')}; 6 partitions per topic.`,
    '',
    table(
      [
        'rate/s',
        'completed/s 1×',
        'completed/s 2×',
        '2× ÷ 1×',
        'e2e p50 / p99 ms 1×',
        'e2e p50 / p99 ms 2×',
        'done 1×',
        'done 2×',
      ],
      rows,
    ),
    '',
    'Correctness, checked after the phase drained (every request settled or 60 s passed), from the work-order and handler schemas and the events:',
    '',
    table(
      [
        'instances',
        'intakes (2xx)',
        'settled',
        'intake rows',
        'work orders',
        'case codes',
        'WOs with >1 accepted offer',
        'handler double acceptances',
        'WOs with >1 offer (events)',
        'verdict',
      ],
      ledgerRows,
    ),
    '',
    groupsAfterScale
      ? `Consumer groups after scaling: ${groupsAfterScale.groups.map((g) => `${g.groupId.slice(harness.tag.length + 1)} ${g.state}/${g.members} members`).join(', ')}`
      : '',
    brokerNote ? `\n**Warning:** ${brokerNote}.` : '',
    failure ? `\n**Run failed:** ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}` : '',
  ].join('\n');
  const files = writeResults(
    'scale-out',
    harness.machine,
    {
      tag: harness.tag,
      runtime,
      scaled,
      phases: phases.map((p) => ({
        instances: p.instances,
        drained: p.drained,
        ledger: p.ledger,
        steps: p.steps.map(({ traces, ...rest }) => ({ ...rest, traceCount: traces.length })),
      })),
      groupsAfterScale,
      cleanup,
      brokerNote,
      failure: failure ? String(failure instanceof Error ? failure.message : failure) : undefined,
    },
    md,
    {
      rates,
      completedPerSecond1x: phases[0]?.steps.map((s) => s.completedPerSecond),
      completedPerSecond2x: phases[1]?.steps.map((s) => s.completedPerSecond),
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
