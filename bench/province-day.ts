// A province's day: a synthetic day at Shandong's volumes (≈5,500 counter visits + 1,650 hotline calls,
// working-hours peak, every township, the catalogue's service types) replayed on a compressed clock
// that runs as fast as the system keeps its backlog bounded. Reports the compression sustained, the
// deadlines the work-order service computed and their state, and how routing spread the work.
//   node -r ./test/swc-register.js bench/province-day.ts [--budget-seconds=150] [--seed=20261128]
// Options: --runtime=dist|swc, --from-hour=0, --volume-scale=1, --portal-per-day=0, --max-backlog=100, --keep
import { Args } from './lib/args';
import { runStep } from './lib/e2e/load-step';
import { isSettled, traceOf } from './lib/e2e/intake-trace';
import { Harness, log } from './lib/harness';
import type { Runtime } from './lib/launcher';
import { table } from './lib/markdown';
import { DAILY_VOLUME, hourlyCounts } from './lib/province/day-profile';
import { deadlineRows, routingSpread } from './lib/province/day-report';
import { buildDay } from './lib/province/day-schedule';
import { seededRandom } from './lib/province/random';
import { clock, replayDay, ReplayReport } from './lib/province/replayer';
import { writeResults } from './lib/results';
import { HANDLER_SERVICES, HandlerService, PLATFORMS, PlatformName, schemaOf } from './lib/services';
import { sleep } from './lib/sleep';
import { round, summarize } from './lib/stats';

async function main(): Promise<void> {
  const args = new Args();
  const runtime = args.oneOf<Runtime>('runtime', ['dist', 'swc'], 'dist');
  const budget = args.number('budget-seconds', 150);
  const seed = args.number('seed', 20261128);
  const scale = args.number('volume-scale', 1);
  const keep = args.flag('keep');
  const handlers: HandlerService[] = [...HANDLER_SERVICES];
  const volume: Record<PlatformName, number> = {
    centre: Math.round(DAILY_VOLUME.centre * scale),
    hotline: Math.round(DAILY_VOLUME.hotline * scale),
    portal: Math.round(args.number('portal-per-day', DAILY_VOLUME.portal) * scale),
  };
  const random = seededRandom(seed);
  const runSalt = Math.floor(random() * 100);
  const fromHour = args.number('from-hour', 0);
  const wholeDay = buildDay(volume, random, runSalt, 10_000);
  const day = wholeDay.filter((d) => d.at >= fromHour * 3600);
  const perHour = hourlyCounts(wholeDay.map((d) => d.at));
  const meanPerHour = wholeDay.length / 24;
  const peakPerHour = Math.max(...perHour);
  log(
    `day: ${wholeDay.length} requests${fromHour > 0 ? ` (${day.length} from ${fromHour}:00 on)` : ''} (${PLATFORMS.map((p) => `${p} ${volume[p]}`).join(', ')}), peak hour ${Math.max(...perHour)} (${round(Math.max(...perHour) / meanPerHour)}× the hourly mean)`,
  );

  const harness = await Harness.open({
    label: 'day',
    runtime,
    handlers,
    dbPoolSize: args.number('pool', 10),
    httpSampling: false,
  });
  process.once('SIGINT', () => {
    void harness.close(keep).finally(() => process.exit(130));
  });
  let failure: unknown;
  let replay: ReplayReport | undefined;
  let drainMs = 0;
  try {
    log('warm-up: 3/s for 5 s (not counted)');
    await runStep(
      { label: 'warm-up', rate: 3, seconds: 5, maxInFlight: 200, drainTimeoutMs: 20000, httpSampleEvery: 0, firstN: 0 },
      {
        clients: harness.clients,
        tracker: harness.tracker,
        watcher: harness.watcher,
        regions: harness.regions,
        resources: harness.resources,
        mix: { platforms: PLATFORMS, serviceTypes: ['legal-aid'], urgentShare: 0 },
        runSalt,
      },
      log,
    );
    log(`replaying the day (budget ${budget} s, backlog bound ${args.number('max-backlog', 100)})`);
    replay = await replayDay(
      day,
      harness.clients,
      harness.tracker,
      {
        budgetSeconds: budget,
        initialRate: 10,
        minRate: 1,
        maxRate: 200,
        maxCompression: 5000,
        maxBacklog: args.number('max-backlog', 100),
        maxInFlight: 64,
        runningHandlers: handlers,
      },
      log,
    );
    const drainStart = performance.now();
    const submittedNow = replay.submitted;
    for (let i = 0; i < 150; i++) {
      if (submittedNow.every((s) => isSettled(traceOf(s, harness.tracker, harness.watcher)) || !s.intakeId)) break;
      await sleep(200);
    }
    drainMs = Math.round(performance.now() - drainStart);
    await harness.watcher.pollOnce().catch(() => undefined);
  } catch (e) {
    failure = e;
    log(`FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    for (const s of harness.system.launcher.services)
      if (!s.running) log(`  ${s.name} exited; log tail:\n${s.logTail()}`);
  }
  const woSchema = schemaOf(harness.tag, 'work-order');
  const traces = (replay?.submitted ?? []).map((s) => traceOf(s, harness.tracker, harness.watcher));
  const ok = traces.filter((t) => t.submitted.intakeId);
  const workOrderIds = new Set(ok.map((t) => t.workOrderId).filter((x): x is string => x !== undefined));
  const deadlines = await deadlineRows(harness.settings.databaseUrl, woSchema);
  const spread = await routingSpread(harness.tracker, workOrderIds, harness.settings.databaseUrl, woSchema);
  const resources = harness.resources.window(0, performance.now());
  const brokerNote = harness.brokerNote();
  const cleanup = await harness.close(keep);

  const outcomes: Record<string, number> = {};
  for (const t of ok)
    outcomes[t.outcome ?? t.outcomeType ?? 'no outcome seen'] =
      (outcomes[t.outcome ?? t.outcomeType ?? 'no outcome seen'] ?? 0) + 1;
  const httpFailures: Record<string, number> = {};
  for (const t of traces.filter((x) => !x.submitted.intakeId))
    httpFailures[String(t.submitted.status)] = (httpFailures[String(t.submitted.status)] ?? 0) + 1;
  const lat = (pick: (t: (typeof traces)[number]) => number | undefined): number[] =>
    ok.flatMap((t) => (pick(t) === undefined ? [] : [(pick(t) ?? 0) - t.submitted.t0]));
  const stages = {
    caseCode: summarize(lat((t) => t.caseCodeAt)),
    dispatched: summarize(lat((t) => t.dispatchedAt)),
    accepted: summarize(lat((t) => t.acceptedAt)),
    readModels: summarize(lat((t) => t.readModelsAt)),
  };
  const byHandler: Record<string, { dispatched: number; accepted: number }> = {};
  for (const id of workOrderIds) {
    const wo = harness.tracker.workOrders.get(id);
    if (!wo?.dispatchedAt) continue;
    const h = [...wo.handlers][0] ?? 'unknown';
    const entry = byHandler[h] ?? { dispatched: 0, accepted: 0 };
    entry.dispatched += 1;
    if (wo.acceptedAt !== undefined) entry.accepted += 1;
    byHandler[h] = entry;
  }
  const peakC = replay?.peakCompression ?? NaN;
  // What the sustained sending rate means for the whole day and for its busiest hour.
  const projection = replay
    ? {
        sustainedRequestsPerSecond: replay.sentPerRealSecond,
        wholeDayRealSeconds: Math.round(wholeDay.length / replay.sentPerRealSecond),
        wholeDayCompression: Math.round((86400 * replay.sentPerRealSecond) / wholeDay.length),
        peakHourCompression: Math.round((3600 * replay.sentPerRealSecond) / peakPerHour),
      }
    : undefined;
  const deadlineTable = Array.isArray(deadlines)
    ? table(
        ['deadline kind', 'status', 'count', 'window (days)', 'routing used of the window at peak compression'],
        deadlines.map((d) => [
          d.kind,
          d.status,
          d.count,
          d.windowDays,
          Number.isFinite(peakC) && d.windowDays > 0
            ? `${round(((stages.accepted.p50 / 1000) * peakC * 100) / (d.windowDays * 86400), 3)} % (p50)`
            : '—',
        ]),
      )
    : `_deadlines not readable: ${deadlines}_`;
  const deadlineTotals = Array.isArray(deadlines)
    ? deadlines.reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.status]: (acc[d.status] ?? 0) + d.count }), {})
    : {};
  const md = [
    `Run \`${harness.tag}\`, runtime ${runtime}, seed ${seed}, volume scale ${scale}, replay from ${fromHour}:00: ${wholeDay.length} requests in the day (${PLATFORMS.map((p) => `${p} ${volume[p]}`).join(', ')}) over ${harness.regions.size} townships; peak hour ${peakPerHour} requests = ${round(peakPerHour / meanPerHour)}× the hourly mean.`,
    '',
    replay
      ? `**Compression sustained: ${replay.overallCompression}× over the replay (simulated ${clock(replay.simulatedFrom)}–${clock(replay.simulatedTo)}${replay.dayCompleted ? ', to the end of the day' : `, ${replay.sent}/${replay.items} requests — the real-time budget of ${budget} s ran out`}, in ${replay.realSeconds} s), ${replay.peakCompression}× through the busiest hours (${replay.peakHours.map((h) => `${h}:00`).join(', ')}; ${Math.round(replay.peakCoverage * 100)} % of them replayed); backlog peaked at ${replay.maxBacklog} (bound ${args.number('max-backlog', 100)}).**`
      : '_replay did not run_',
    '',
    projection
      ? `Sustained sending rate ${projection.sustainedRequestsPerSecond} requests/s with the backlog bounded → the whole day (${wholeDay.length} requests) would take ${projection.wholeDayRealSeconds} s: **${projection.wholeDayCompression}× for the day, ${projection.peakHourCompression}× for its busiest hour (${peakPerHour} requests)**.`
      : '',
    '',
    table(
      ['stage (real time)', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 in simulated minutes at peak compression'],
      Object.entries(stages).map(([k, s]) => [
        k,
        s.count,
        s.p50,
        s.p95,
        s.p99,
        Number.isFinite(peakC) ? round((s.p50 / 60000) * peakC, 1) : undefined,
      ]),
    ),
    '',
    `Outcomes: ${JSON.stringify(outcomes)}; HTTP failures: ${JSON.stringify(httpFailures)}; dispatched/accepted by handler: ${JSON.stringify(byHandler)}.`,
    '',
    `Deadlines (work-order service's own table): ${JSON.stringify(deadlineTotals)}. The services run on the real clock, so statutory windows of days cannot elapse inside a compressed replay: "met/breached" can only come from handler reports and the sweeper; the last column shows how much of each window the routing took, scaled to simulated time.`,
    '',
    deadlineTable,
    '',
    table(
      [
        'handler',
        'work orders',
        'organisations used',
        'candidates',
        'Gini (used)',
        'max ÷ mean',
        'by level',
        'top organisations',
      ],
      spread.map((s) => [
        s.handler,
        s.workOrders,
        s.organisationsUsed,
        s.candidateOrganisations,
        s.giniAmongUsed,
        s.maxOverMean,
        JSON.stringify(s.byLevel ?? {}),
        s.top.map((t) => `${t.organisationId} ${t.count}`).join(', '),
      ]),
    ),
    brokerNote ? `\n**Warning:** ${brokerNote}.` : '',
    failure ? `\n**Run failed:** ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}` : '',
  ].join('\n');
  const files = writeResults(
    'province-day',
    harness.machine,
    {
      tag: harness.tag,
      runtime,
      seed,
      volumeScale: scale,
      volume,
      requests: wholeDay.length,
      replayedFromHour: fromHour,
      replayedRequests: day.length,
      projection,
      arrivalsPerHour: perHour,
      replay: replay ? { ...replay, submitted: undefined, submittedCount: replay.submitted.length } : undefined,
      drainMs,
      outcomes,
      httpFailures,
      stages,
      byHandler,
      deadlines,
      deadlineTotals,
      routingSpread: spread,
      resources,
      cleanup,
      brokerNote,
      failure: failure ? String(failure instanceof Error ? failure.message : failure) : undefined,
    },
    md,
    {
      compressionOverall: replay?.overallCompression,
      compressionPeak: replay?.peakCompression,
      projectedDayCompression: projection?.wholeDayCompression,
      projectedPeakHourCompression: projection?.peakHourCompression,
      dayCompleted: replay?.dayCompleted,
      sent: replay?.sent,
      items: replay?.items,
    },
  );
  console.log(`\n${md}\n\nwritten: ${files.json}\n         ${files.markdown}`);
  if (failure) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
