import { WorkOrderChanged } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import {
  createKafka,
  MessagingRuntime,
  MessagingRuntimeOptions,
  messagingEntities,
  messagingMigrations,
} from '@legal/messaging';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import { Logger } from '@nestjs/common';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
export const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const TEST_PARTITIONS = 3;

export type WorkOrderChangedData = EventData<typeof WorkOrderChanged>;

/** Keep test output to errors unless asked for more. */
export function quietLogs(): void {
  if (process.env.LOG_LEVEL !== 'debug') Logger.overrideLogger(['error']);
}

/** A unique schema and topic prefix per test file: files run in parallel with other people's tests. */
export function isolation(label: string): { schema: string; prefix: string; id: string } {
  const id = randomUUID().slice(0, 8);
  return { id, schema: `msg_${label}_${id}`, prefix: `t_${id}` };
}

export function kafkaClient(clientId: string): Kafka {
  return createKafka({ brokers: BROKERS, clientId, topicPrefix: '', partitions: TEST_PARTITIONS });
}

/** A data source on `schema` with the messaging tables migrated (open the first one before the others). */
export async function openDataSource(schema: string, applicationName: string, poolSize = 5): Promise<DataSource> {
  await ensureDatabaseAndSchema(DATABASE_URL, schema);
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: DATABASE_URL,
      schema,
      poolSize,
      applicationName,
      entities: messagingEntities,
      migrations: messagingMigrations,
      migrationsRun: true,
    }),
  );
  return dataSource.initialize();
}

export function runtime(
  options: Omit<MessagingRuntimeOptions, 'kafka' | 'partitions'> & { kafka?: Kafka },
): MessagingRuntime {
  return new MessagingRuntime({
    partitions: TEST_PARTITIONS,
    startupWaitMs: 30000,
    kafka: options.kafka ?? kafkaClient(options.serviceName),
    ...options,
  });
}

/** Where test handlers record their effects: one row per effect, in commit order (`id`). */
export async function createEffectTable(dataSource: DataSource): Promise<void> {
  const schema = (dataSource.options as { schema: string }).schema;
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS "${schema}"."effect" (id bigserial PRIMARY KEY, event_id varchar(200) NOT NULL, work_order_id varchar(64) NOT NULL, version int NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
}

export async function insertEffect(
  manager: { query: (sql: string, params: unknown[]) => Promise<unknown>; connection: DataSource },
  eventId: string,
  data: WorkOrderChangedData,
): Promise<void> {
  const schema = (manager.connection.options as { schema: string }).schema;
  await manager.query(`INSERT INTO "${schema}"."effect" (event_id, work_order_id, version) VALUES ($1, $2, $3)`, [
    eventId,
    data.workOrderId,
    data.version,
  ]);
}

/** Effects (of work orders with ids from `fromWorkOrderId` on, if given): total rows and distinct event ids. */
export async function countEffects(
  dataSource: DataSource,
  fromWorkOrderId = '',
): Promise<{ total: number; distinct: number }> {
  const schema = (dataSource.options as { schema: string }).schema;
  const [row] = (await dataSource.query(
    `SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM "${schema}"."effect" WHERE work_order_id >= $1`,
    [fromWorkOrderId],
  )) as { total: number; distinct: number }[];
  return row ?? { total: 0, distinct: 0 };
}

/** Deterministic work-order id for key number `n`. */
export function workOrderId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A valid WorkOrderChanged payload: `version` is the per-key sequence number tests check order with. */
export function workOrderChanged(key: number, version: number): WorkOrderChangedData {
  return {
    ...WorkOrderChanged.example,
    workOrderId: workOrderId(key),
    version,
    entry: { ...WorkOrderChanged.example.entry, seq: version },
  };
}

export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  intervalMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Drops the schemas, deletes the prefixed topics and consumer groups. Best effort, never throws. */
export async function cleanup(prefix: string, schemas: string[], dataSources: DataSource[] = []): Promise<void> {
  for (const ds of dataSources) if (ds.isInitialized) await ds.destroy().catch(() => undefined);
  for (const schema of schemas) await dropSchema(DATABASE_URL, schema).catch(() => undefined);
  const admin = kafkaClient('cleanup').admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 15000 });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${prefix}.`));
    if (groups.length > 0) await admin.deleteGroups(groups);
  } catch {
    // leftovers of a prefixed test run harm nobody
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A TypeScript fixture in a child process (compiled by test/swc-register.js), with its stdout lines. */
export class ChildFixture {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(script: string, env: Record<string, string>) {
    this.child = spawn(
      process.execPath,
      ['-r', path.join(REPO_ROOT, 'test', 'swc-register.js'), path.join(FIXTURES, script)],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL, KAFKA_BROKERS: BROKERS.join(','), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buffer = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      if (process.env.LOG_LEVEL === 'debug') process.stderr.write(chunk);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    let found: string | undefined;
    await waitUntil(
      () => {
        if (!this.alive)
          throw new Error(
            `fixture exited (${String(this.child.exitCode ?? this.child.signalCode)}) before printing ${pattern}`,
          );
        found = this.lines.find((l) => pattern.test(l));
        return found !== undefined;
      },
      timeoutMs,
      `fixture output ${pattern}`,
      50,
    );
    return found as string;
  }

  committed(): number {
    return this.lines.filter((l) => l.startsWith('committed ')).length;
  }

  kill(signal: NodeJS.Signals): void {
    if (this.alive) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it does not exit within `graceMs`. */
  async stop(graceMs = 15000): Promise<void> {
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * A broker of its own (same deploy/local/kafka.sh, own data dir and ports) for a test that stops and
 * restarts Kafka: the shared broker stays up for everybody else, and a broker with few topics
 * restarts in seconds.
 */
export class PrivateBroker {
  readonly port = 29000 + 2 * Math.floor(Math.random() * 400);
  readonly controllerPort = this.port + 1;
  readonly dataDir = path.join(os.tmpdir(), `kafka-msg-test-${randomUUID().slice(0, 8)}`);

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  async run(command: 'start' | 'stop'): Promise<void> {
    const started = Date.now();
    try {
      const { stdout } = await promisify(execFile)('bash', [path.join(REPO_ROOT, 'deploy/local/kafka.sh'), command], {
        cwd: REPO_ROOT,
        timeout: 180000,
        env: {
          ...process.env,
          KAFKA_DATA_DIR: this.dataDir,
          KAFKA_PORT: String(this.port),
          KAFKA_CONTROLLER_PORT: String(this.controllerPort),
          KAFKA_HEAP_OPTS: '-Xmx384m',
          KAFKA_READY_CHECK: 'log',
        },
      });
      if (process.env.LOG_LEVEL === 'debug')
        process.stdout.write(`${stdout}[private broker] ${command} took ${Date.now() - started} ms\n`);
    } catch (e) {
      const output = (e as { stdout?: string; stderr?: string }).stdout ?? '';
      throw new Error(
        `kafka.sh ${command} failed after ${Date.now() - started} ms: ${(e as Error).message}\n${output}${(e as { stderr?: string }).stderr ?? ''}`,
        { cause: e },
      );
    }
  }

  async destroy(): Promise<void> {
    await this.run('stop').catch(() => undefined);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
