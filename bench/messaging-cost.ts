// What the messaging layer costs per event, independent of machine load: node-postgres queries and Kafka requests
// (counted by API) per event, plus the CPU of this process and of its PostgreSQL backends. One producer runtime
// (`work-order`, relay on) publishes WorkOrderChanged, one event per transaction as a request would; one consumer
// runtime (`portal`) handles each with one insert inside its inbox transaction. Issue 14.
//   node -r ./test/swc-register.js bench/messaging-cost.ts [--events=300] [--rate=30] [--messaging=<dir>] [--label=new]
//     [--warmup=50] [--warmup-rate=25]   events sent before the measurement, and their rate per second
// `--messaging` loads another copy of libs/messaging/src to compare, e.g. the tree of an older commit:
//   git archive <commit> libs/messaging/src | tar -x -C .cache/messaging-old
//   node -r ./test/swc-register.js bench/messaging-cost.ts --messaging=.cache/messaging-old/libs/messaging/src --label=old
// Prints one JSON line (also appended to bench/results/messaging-cost.jsonl).
import { WorkOrderChanged } from '@legal/contracts';
import type * as Messaging from '@legal/messaging';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Args } from './lib/args';
import { benchAdminCredentials } from './lib/kafka-auth';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Counts calls by a key; reset between warm-up and measurement. */
class Tally {
  readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
}

const queries = new Tally();
const requests = new Tally();

type QueryFn = (this: unknown, config: unknown, ...rest: unknown[]) => unknown;
type SendFn = (this: unknown, args: { request?: { apiName?: string } }) => unknown;

/** Every query of every pg client in this process (TypeORM's and the raw ones), by its first 40 characters. */
function countPgQueries(): void {
  const proto = Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  // The key of a text is computed once: the counting itself should cost the measured process next to nothing.
  const keys = new Map<string, string>();
  proto.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : ((config as { text?: string } | null)?.text ?? '');
    let key = keys.get(text);
    if (key === undefined) {
      key = text.trim().replace(/\s+/g, ' ').slice(0, 40);
      keys.set(text, key);
    }
    queries.add(key);
    return original.call(this, config, ...rest);
  };
}

/** Every request kafkajs sends to a broker, by API (Produce, Fetch, OffsetCommit, Heartbeat, ...). */
function countKafkaRequests(): void {
  // kafkajs has no public hook for all requests of all clients; its Connection class is the one place they pass.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Connection = require('kafkajs/src/network/connection') as { prototype: { send: SendFn } };
  const original = Connection.prototype.send;
  Connection.prototype.send = function (this: unknown, args) {
    requests.add(String(args?.request?.apiName ?? '?'));
    return original.call(this, args);
  };
}

/** utime + stime of a process, in seconds. */
function processCpu(pid: number, statPath = `/proc/${pid}/stat`): number {
  try {
    const fields = readFileSync(statPath, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU of this process's JS thread, in seconds. The rest of the process's CPU is its other threads: V8's compiler
 * and GC helpers, the libuv pool (Node names them all "node"). A large rest means code still being optimised
 * during the measurement: see `--warmup`.
 */
function mainThreadCpu(): number {
  return processCpu(process.pid, `/proc/self/task/${process.pid}/stat`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const args = new Args();
  const events = args.number('events', 300);
  const rate = args.number('rate', 30);
  const label = args.string('label', 'new');
  const warmup = args.number('warmup', 50);
  const warmupRate = args.number('warmup-rate', 25);
  const dir = path.resolve(args.string('messaging', path.join(__dirname, '..', 'libs', 'messaging', 'src')));
  Logger.overrideLogger(['error']);
  countPgQueries();
  countKafkaRequests();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require(path.join(dir, 'index')) as typeof Messaging;
  const id = randomUUID().slice(0, 8);
  const prefix = `b_cost_${id}`;
  const schemas = [`b_cost_p_${id}`, `b_cost_c_${id}`] as const;
  const open = async (schema: string, app: string): Promise<DataSource> => {
    await ensureDatabaseAndSchema(DATABASE_URL, schema);
    const options = buildDataSourceOptions({
      databaseUrl: DATABASE_URL,
      schema,
      poolSize: 5,
      applicationName: app,
      entities: m.messagingEntities,
      migrations: m.messagingMigrations,
      migrationsRun: true,
    });
    return new DataSource(options).initialize();
  };
  const producerDs = await open(schemas[0], `${prefix}-p`);
  const consumerDs = await open(schemas[1], `${prefix}-c`);
  await consumerDs.query(`CREATE TABLE "${schemas[1]}"."effect" (event_id varchar(200) PRIMARY KEY)`);
  const kafka = m.createKafka({
    brokers: BROKERS,
    clientId: prefix,
    topicPrefix: '',
    partitions: 3,
    sasl: benchAdminCredentials(),
  });
  const common = { kafka, topicPrefix: prefix, partitions: 3, startupWaitMs: 30000 };
  const producer = new m.MessagingRuntime({ ...common, serviceName: 'work-order', dataSource: producerDs });
  const consumer = new m.MessagingRuntime({
    ...common,
    serviceName: 'portal',
    dataSource: consumerDs,
    relay: { enabled: false },
  });
  let handled = 0;
  consumer.consumers.register({
    group: 'cost',
    events: [WorkOrderChanged],
    handle: async (event, manager) => {
      await manager.query(`INSERT INTO "${schemas[1]}"."effect" (event_id) VALUES ($1)`, [event.id]);
      handled++;
    },
  });
  await producer.start();
  await consumer.start();
  const send = async (n: number, perSecond: number): Promise<void> => {
    const start = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < n; i++) {
      const wait = start + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await sleep(wait);
      const key = randomUUID();
      const data = { ...WorkOrderChanged.example, workOrderId: key };
      pending.push(
        producerDs.transaction((manager) => producer.outbox.publish(manager, WorkOrderChanged, data, { subject: key })),
      );
    }
    await Promise.all(pending);
  };
  const drain = async (target: number): Promise<void> => {
    const until = Date.now() + 120000;
    while (handled < target && Date.now() < until) await sleep(50);
    if (handled < target) throw new Error(`only ${handled} of ${target} events handled`);
  };
  const backends = async (): Promise<number[]> =>
    (
      (await producerDs.query(`SELECT pid FROM pg_stat_activity WHERE application_name LIKE $1`, [`${prefix}%`])) as {
        pid: number;
      }[]
    ).map((r) => r.pid);
  try {
    // Warm-up: connections, prepared statements, group joined; with more events, also V8's optimised code (a short
    // warm-up leaves the measured events partly interpreted and the compiler threads busy).
    await send(warmup, warmupRate);
    await drain(warmup);
    await sleep(1500);
    const pgBefore = new Map((await backends()).map((pid) => [pid, processCpu(pid)]));
    queries.counts.clear();
    requests.counts.clear();
    const mainBefore = mainThreadCpu();
    const cpuBefore = process.cpuUsage();
    const from = performance.now();
    await send(events, rate);
    await drain(warmup + events);
    await sleep(1000); // the last offsets and mark-sent settle
    const wallS = (performance.now() - from) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const mainMs = (mainThreadCpu() - mainBefore) * 1000;
    let pgCpuS = 0;
    for (const pid of await backends()) pgCpuS += processCpu(pid) - (pgBefore.get(pid) ?? 0);
    const per = (v: number): number => Math.round((v / events) * 100) / 100;
    const perKey = (t: Tally, top: number): Record<string, number> =>
      Object.fromEntries(
        [...t.counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([k, v]) => [k, per(v)]),
      );
    const result = {
      label,
      at: new Date().toISOString(),
      events,
      rate,
      warmup,
      wallS: Math.round(wallS * 10) / 10,
      nodeCpuMsPerEvent: per((cpu.user + cpu.system) / 1000),
      nodeCpuMsPerEventByThread: { main: per(mainMs), other: per((cpu.user + cpu.system) / 1000 - mainMs) },
      pgBackendCpuMsPerEvent: per(pgCpuS * 1000),
      pgQueriesPerEvent: per(queries.total()),
      kafkaRequestsPerEvent: per(requests.total()),
      kafkaByApi: perKey(requests, 10),
      pgQueries: perKey(queries, 12),
    };
    const line = JSON.stringify(result);
    process.stdout.write(`${line}\n`);
    appendFileSync(path.join(__dirname, 'results', 'messaging-cost.jsonl'), `${line}\n`);
  } finally {
    await consumer.stop();
    await producer.stop();
    await producerDs.destroy();
    await consumerDs.destroy();
    for (const schema of schemas) await dropSchema(DATABASE_URL, schema).catch(() => undefined);
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${prefix}.`));
    if (groups.length > 0) await admin.deleteGroups(groups);
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
