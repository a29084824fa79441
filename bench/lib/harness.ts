import { BenchAuth } from './auth';
import { localBrokerStart } from './broker-watch';
import { cleanupRun, CleanupReport } from './cleanup';
import { createRunPrincipal } from './kafka-auth';
import { PlatformClients } from './intake/platform-clients';
import { RegionPicker } from './intake/regions';
import type { Runtime } from './launcher';
import { machineInfo, MachineInfo } from './machine';
import { withPersonalDataKeys } from './personal-data-keys';
import { HttpLookupSampler } from './observe/http-lookup-sampler';
import { KafkaStageTracker } from './observe/kafka-stage-tracker';
import { ReadModelWatcher } from './observe/read-model-watcher';
import { ResourceSampler, ResourceWindow } from './resource-sampler';
import { runEnvironment, runTag } from './run-environment';
import { HandlerService, PlatformName, schemaOf } from './services';
import { sleep } from './sleep';
import { BenchSystem, SystemOptions } from './system';

export interface HarnessOptions {
  label: string;
  runtime: Runtime;
  handlers: readonly HandlerService[];
  dbPoolSize: number;
  extraEnv?: SystemOptions['extraEnv'];
  httpSampling: boolean;
}

export interface Settings {
  databaseUrl: string;
  brokers: string[];
  redisUrl: string;
}

export function settingsFromEnv(): Settings {
  return {
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

/** Work orders the intake outcomes named, newest last. */
function* workOrderIdsOf(tracker: KafkaStageTracker): Iterable<string> {
  for (const outcome of tracker.outcomes.values()) if (outcome.workOrderId) yield outcome.workOrderId;
}

export function log(line: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** One bench run's system and observers, started together and torn down together. */
export class Harness {
  private constructor(
    readonly machine: MachineInfo,
    readonly tag: string,
    readonly settings: Settings,
    readonly auth: BenchAuth,
    readonly system: BenchSystem,
    readonly clients: PlatformClients,
    readonly tracker: KafkaStageTracker,
    readonly watcher: ReadModelWatcher,
    readonly resources: ResourceSampler,
    readonly regions: RegionPicker,
    readonly sampler: HttpLookupSampler | undefined,
    readonly startupMs: number,
    readonly prepareNotes: string[],
    readonly brokerAtStart: string | undefined,
  ) {}

  /** A note when the local broker process changed since the run started (restarted by someone else). */
  brokerNote(): string | undefined {
    const now = localBrokerStart();
    return now !== this.brokerAtStart
      ? `Kafka broker restarted during the run (${this.brokerAtStart ?? 'none'} → ${now ?? 'none'}): figures of this run are disturbed`
      : undefined;
  }

  static async open(options: HarnessOptions): Promise<Harness> {
    const machine = machineInfo();
    const settings = settingsFromEnv();
    const tag = runTag(options.label);
    const brokerAtStart = localBrokerStart();
    const auth = await BenchAuth.create();
    const kafkaPrincipal = await createRunPrincipal(tag, settings.brokers);
    const run = runEnvironment(tag, {
      runtime: options.runtime,
      kafka: kafkaPrincipal,
      authEnv: auth.env,
      dbPoolSize: options.dbPoolSize,
      logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
      readyTimeoutMs: 180000,
    });
    log(`run ${tag}: starting services (${options.runtime}) ...`);
    const started = performance.now();
    let system: BenchSystem;
    try {
      system = await BenchSystem.start(
        run,
        { handlers: options.handlers, extraEnv: withPersonalDataKeys(options.extraEnv) },
        log,
      );
    } catch (e) {
      log(`services failed to start; cleaning up run ${tag}`);
      await cleanupRun(tag, settings).catch(() => undefined);
      throw e;
    }
    const startupMs = Math.round(performance.now() - started);
    const prepareNotes = await system
      .prepare(auth)
      .catch((e: unknown) => [`prepare failed: ${e instanceof Error ? e.message : String(e)}`]);
    for (const note of prepareNotes) log(`  ${note}`);
    const platformUrls = system.platformUrls;
    const clients = new PlatformClients(platformUrls, auth);
    const tracker = new KafkaStageTracker(settings.brokers, tag);
    await tracker.start();
    const schemas: Record<PlatformName, string> = {
      hotline: schemaOf(tag, 'hotline'),
      portal: schemaOf(tag, 'portal'),
      centre: schemaOf(tag, 'centre'),
    };
    const watcher = new ReadModelWatcher(settings.databaseUrl, schemas, () => workOrderIdsOf(tracker));
    watcher.start();
    const resources = new ResourceSampler(() => system.launcher.services);
    resources.start();
    const sampler = options.httpSampling ? new HttpLookupSampler(platformUrls, auth) : undefined;
    return new Harness(
      machine,
      tag,
      settings,
      auth,
      system,
      clients,
      tracker,
      watcher,
      resources,
      new RegionPicker(),
      sampler,
      startupMs,
      prepareNotes,
      brokerAtStart,
    );
  }

  /** RSS and CPU of every service over `seconds` with no load. */
  async idle(seconds: number): Promise<ResourceWindow[]> {
    const from = performance.now();
    this.resources.sampleNow();
    await sleep(seconds * 1000);
    this.resources.sampleNow();
    return this.resources.window(from, performance.now());
  }

  async close(keep: boolean): Promise<CleanupReport | undefined> {
    const broker = this.brokerNote();
    if (broker) log(`WARNING: ${broker}`);
    await this.resources.stop();
    await this.watcher.stop().catch(() => undefined);
    await this.tracker.stop();
    log('stopping services ...');
    await this.system.stop();
    if (keep) {
      log(`--keep: left schemas ${this.tag}_*, topics ${this.tag}.*, Redis keys ${this.tag}:*`);
      return undefined;
    }
    const report = await cleanupRun(this.tag, this.settings);
    log(
      `cleaned up: ${report.schemas} schemas, ${report.topics} topics, ${report.groups} groups, ${report.redisKeys} Redis keys${report.errors.length ? `; errors: ${report.errors.join('; ')}` : ''}`,
    );
    return report;
  }
}
