import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, WriteStream } from 'node:fs';
import path from 'node:path';
import { freePort } from './ports';
import { cpuSeconds, rssMiB, runQueueWaitSeconds } from './proc';
import { ServiceName, schemaOf } from './services';
import { sleep } from './sleep';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** dist: `node dist/services/<name>/src/main.js` after `npm run build`; swc: the TypeScript sources through test/swc-register.js. */
export type Runtime = 'dist' | 'swc';

export interface RunEnvironment {
  /** Lower-case SQL-safe tag: schema prefix, Kafka topic/group prefix and Redis key prefix of this run. */
  tag: string;
  runtime: Runtime;
  /** Variables every service of the run gets (auth, PII keys, log level, pool size ...). */
  sharedEnv: Record<string, string>;
  readyTimeoutMs: number;
}

export interface LaunchSpec {
  service: ServiceName;
  /** 1 for the first instance; later instances share the schema, topics and consumer groups. */
  instance?: number;
  env?: Record<string, string>;
}

const TAIL_LINES = 40;

/** One service process started by the bench. */
export class ChildService {
  private readonly tail: string[] = [];
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  constructor(
    readonly service: ServiceName,
    readonly instance: number,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly log: WriteStream,
    readonly logFile: string,
  ) {
    const keep = (chunk: Buffer): void => {
      this.log.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.tail.push(line.slice(0, 2000));
        if (this.tail.length > TAIL_LINES) this.tail.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        this.log.end();
        resolve(this.exitCode);
      });
    });
  }

  get name(): string {
    return this.instance === 1 ? this.service : `${this.service}#${this.instance}`;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  rssMiB(): number {
    return rssMiB(this.pid);
  }

  cpuSeconds(): number {
    return cpuSeconds(this.pid);
  }

  runQueueWaitSeconds(): number {
    return runQueueWaitSeconds(this.pid);
  }

  logTail(lines = 15): string {
    return this.tail.slice(-lines).join('\n');
  }

  /** SIGTERM (graceful drain), SIGKILL after `graceMs`; only this process, by its pid. */
  async stop(graceMs = 15000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const done = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!done && this.running) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Starts service processes for one bench run and stops exactly those. */
export class ServiceLauncher {
  private readonly started: ChildService[] = [];
  readonly logDir: string;

  constructor(private readonly run: RunEnvironment) {
    this.logDir = path.join(REPO_ROOT, '.cache', 'bench', run.tag);
    mkdirSync(this.logDir, { recursive: true });
    process.once('exit', () => {
      for (const s of this.started) if (s.running) process.kill(s.pid, 'SIGKILL');
    });
  }

  get services(): readonly ChildService[] {
    return this.started;
  }

  find(service: ServiceName, instance = 1): ChildService {
    const found = this.started.find((s) => s.service === service && s.instance === instance && s.running);
    if (!found) throw new Error(`${service}#${instance} is not running`);
    return found;
  }

  /** Command line of a service for the chosen runtime. */
  static command(service: ServiceName, runtime: Runtime): string[] {
    if (runtime === 'dist') {
      // BENCH_DIST_DIR: a compiled tree other than the shared dist/ (e.g. `tsc -p tsconfig.build.json --outDir X`).
      const distRoot = process.env.BENCH_DIST_DIR
        ? path.resolve(process.env.BENCH_DIST_DIR)
        : path.join(REPO_ROOT, 'dist');
      const main = path.join(distRoot, 'services', service, 'src', 'main.js');
      if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build (or use --runtime=swc)`);
      return ['--enable-source-maps', main];
    }
    return [
      '-r',
      path.join(REPO_ROOT, 'test', 'swc-register.js'),
      path.join(REPO_ROOT, 'services', service, 'src', 'main.ts'),
    ];
  }

  async start(spec: LaunchSpec): Promise<ChildService> {
    const instance = spec.instance ?? 1;
    const port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      ...this.run.sharedEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      DB_SCHEMA: schemaOf(this.run.tag, spec.service),
      KAFKA_TOPIC_PREFIX: this.run.tag,
      REDIS_KEY_PREFIX: `${this.run.tag}:`,
      // The load generator stands in for a load balancer on loopback: its X-Forwarded-For spreads
      // the synthetic citizens over many addresses (per-IP limits), so loopback is a trusted proxy here.
      TRUSTED_PROXIES: 'loopback',
      ...spec.env,
    };
    const logFile = path.join(this.logDir, `${spec.service}-${instance}.log`);
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(
      process.execPath,
      [...this.profilingArgs(spec.service, instance), ...ServiceLauncher.command(spec.service, this.run.runtime)],
      {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const service = new ChildService(spec.service, instance, port, child, log, logFile);
    this.started.push(service);
    await this.waitReady(service);
    return service;
  }

  /**
   * BENCH_CPU_PROFILE=work-order,legal-aid writes a V8 CPU profile of those services when they stop
   * (`<logDir>/profiles/<service>-<instance>.cpuprofile`; open it in Chrome DevTools or speedscope).
   */
  private profilingArgs(service: ServiceName, instance: number): string[] {
    const wanted = (process.env.BENCH_CPU_PROFILE ?? '').split(',').map((s) => s.trim());
    if (!wanted.includes(service)) return [];
    return [
      '--cpu-prof',
      `--cpu-prof-dir=${path.join(this.logDir, 'profiles')}`,
      `--cpu-prof-name=${service}-${instance}.cpuprofile`,
    ];
  }

  /** Starts several at once (they mostly wait on migrations and Kafka metadata, so it overlaps well). */
  async startAll(specs: readonly LaunchSpec[]): Promise<ChildService[]> {
    const results = await Promise.allSettled(specs.map((s) => this.start(s)));
    const failed = results.flatMap((r) =>
      r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : [],
    );
    if (failed.length > 0) throw new Error(`services failed to start:\n${failed.join('\n---\n')}`);
    return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.started.map((s) => s.stop()));
  }

  private async waitReady(service: ChildService): Promise<void> {
    const deadline = Date.now() + this.run.readyTimeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (!service.running) {
        throw new Error(
          `${service.name} exited with ${String(await service.exited)} before it was ready; log ${service.logFile}:\n${service.logTail()}`,
        );
      }
      try {
        const res = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
        if (res.status === 200) return;
        last = `${res.status} ${(await res.text()).slice(0, 300)}`;
      } catch (e) {
        last = e instanceof Error ? e.message : String(e);
      }
      await sleep(300);
    }
    throw new Error(
      `${service.name} not ready within ${this.run.readyTimeoutMs} ms (last: ${last}); log ${service.logFile}:\n${service.logTail()}`,
    );
  }
}
