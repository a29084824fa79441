// Outbox → Kafka → inbox consumer, against a raw kafkajs produce → consume baseline on the same broker.
//   node -r ./test/swc-register.js bench/outbox-throughput.ts        (BENCH_EVENTS=5000 BENCH_WRITERS=4)
// Outbox latency: producing transaction committed → consuming (inbox) transaction committed.
// Raw latency: producer.send() acknowledged (acks=-1) → eachMessage called.
// Writes bench/results/outbox-throughput.{json,md}.
import { prefixedTopic, TOPICS, WorkOrderChanged } from '@legal/contracts';
import {
  createKafka,
  encodeCloudEvent,
  MessagingRuntime,
  messagingEntities,
  messagingMigrations,
} from '@legal/messaging';
import { benchAdminCredentials } from './lib/kafka-auth';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Partitioners } from 'kafkajs';
import { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const PER_TRANSACTION = 10;
const KEYS = 100;
const PARTITIONS = 3;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const id = randomUUID().slice(0, 8);
const schema = `bench_${id}`;
const prefix = `b_${id}`;

/** Outbox insert → broker acknowledged, from the outbox table's own timestamps. */
let relayLatency: { p50: number; p99: number; max: number } | undefined;

interface RunResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summarise(started: number, sentAt: Map<string, number>, doneAt: Map<string, number>): RunResult {
  const latencies = [...doneAt].map(([key, done]) => done - (sentAt.get(key) ?? done)).sort((a, b) => a - b);
  const seconds = (Math.max(...doneAt.values()) - started) / 1000;
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    events: doneAt.size,
    seconds: round(seconds),
    eventsPerSecond: Math.round(doneAt.size / seconds),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? NaN),
    },
  };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function payload(i: number): ReturnType<typeof data> {
  return data(i % KEYS, Math.floor(i / KEYS) + 1);
}

function data(key: number, version: number) {
  const workOrderId = `00000000-0000-4000-8000-${String(key).padStart(12, '0')}`;
  return {
    ...WorkOrderChanged.example,
    workOrderId,
    version,
    entry: { ...WorkOrderChanged.example.entry, seq: version },
  };
}

async function openDataSource(applicationName: string): Promise<DataSource> {
  await ensureDatabaseAndSchema(DATABASE_URL, schema);
  const options = buildDataSourceOptions({
    databaseUrl: DATABASE_URL,
    schema,
    poolSize: 8,
    applicationName,
    entities: messagingEntities,
    migrations: messagingMigrations,
    migrationsRun: true,
  });
  return new DataSource(options).initialize();
}

async function runOutbox(): Promise<RunResult> {
  const writer = await openDataSource('bench-writer');
  const reader = await openDataSource('bench-reader');
  await writer.query(`CREATE TABLE "${schema}"."effect" (event_id varchar(200) PRIMARY KEY, version int NOT NULL)`);
  const kafka = createKafka({
    brokers: BROKERS,
    clientId: 'bench-outbox',
    topicPrefix: prefix,
    partitions: PARTITIONS,
    sasl: benchAdminCredentials(),
  });
  const producerSide = new MessagingRuntime({
    serviceName: 'bench',
    dataSource: writer,
    kafka,
    topicPrefix: prefix,
    partitions: PARTITIONS,
  });
  const consumerSide = new MessagingRuntime({
    serviceName: 'bench',
    dataSource: reader,
    kafka,
    topicPrefix: prefix,
    partitions: PARTITIONS,
    relay: { enabled: false },
  });
  const sentAt = new Map<string, number>();
  const doneAt = new Map<string, number>();
  // Stamp events when the consumer's inbox transaction commits (not when the handler is called).
  const inTransaction = new WeakMap<QueryRunner, string[]>();
  const stamp: EntitySubscriberInterface = {
    afterTransactionCommit: ({ queryRunner }) => {
      const now = Date.now();
      for (const eventId of inTransaction.get(queryRunner) ?? []) doneAt.set(eventId, now);
      inTransaction.delete(queryRunner);
    },
  };
  (reader.subscribers as EntitySubscriberInterface[]).push(stamp);
  consumerSide.consumers.register({
    group: 'bench',
    events: [WorkOrderChanged],
    handle: async (event, manager) => {
      await manager.query(`INSERT INTO "${schema}"."effect" (event_id, version) VALUES ($1, $2)`, [
        event.id,
        event.data.version,
      ]);
      const runner = manager.queryRunner as QueryRunner;
      inTransaction.set(runner, [...(inTransaction.get(runner) ?? []), event.id]);
    },
  });
  await producerSide.start();
  await consumerSide.start();
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < EVENTS) {
        const first = next;
        next = Math.min(EVENTS, next + PER_TRANSACTION);
        const ids = await writer.transaction(async (manager) => {
          const out: string[] = [];
          for (let i = first; i < first + PER_TRANSACTION && i < EVENTS; i++) {
            const d = payload(i);
            out.push((await producerSide.outbox.publish(manager, WorkOrderChanged, d, { subject: d.workOrderId })).id);
          }
          return out;
        });
        const committed = Date.now();
        for (const eventId of ids) sentAt.set(eventId, committed);
      }
    }),
  );
  await until(() => doneAt.size >= EVENTS, 600000, 'outbox events consumed');
  const result = summarise(started, sentAt, doneAt);
  const [relay] = (await writer.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
     FROM (SELECT extract(epoch FROM sent_at - created_at) * 1000 AS ms FROM "${schema}"."outbox_message") s`,
  )) as { p50: number; p99: number; max: number }[];
  relayLatency = {
    p50: Math.round(relay?.p50 ?? NaN),
    p99: Math.round(relay?.p99 ?? NaN),
    max: Math.round(relay?.max ?? NaN),
  };
  await consumerSide.stop();
  await producerSide.stop();
  await writer.destroy();
  await reader.destroy();
  return result;
}

async function runRaw(): Promise<RunResult> {
  const kafka = createKafka({
    brokers: BROKERS,
    clientId: 'bench-raw',
    topicPrefix: prefix,
    partitions: PARTITIONS,
    sasl: benchAdminCredentials(),
  });
  const topic = `${prefix}.raw`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId: `${prefix}.raw-consumer`, maxWaitTimeInMs: 1000 });
  const sentAt = new Map<string, number>();
  const doneAt = new Map<string, number>();
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachMessage: async ({ message }) => {
      const eventId = message.headers?.ce_id?.toString() ?? '';
      doneAt.set(eventId, Date.now());
    },
  });
  await until(() => joined, 60000, 'raw consumer to join');
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < EVENTS) {
        const first = next;
        next = Math.min(EVENTS, next + PER_TRANSACTION);
        const messages = [];
        for (let i = first; i < first + PER_TRANSACTION && i < EVENTS; i++) {
          const d = payload(i);
          const record = encodeCloudEvent({
            id: randomUUID(),
            source: '/legal/bench',
            type: WorkOrderChanged.type,
            specversion: '1.0',
            time: new Date().toISOString(),
            subject: d.workOrderId,
            datacontenttype: 'application/json',
            correlationid: randomUUID(),
            data: d,
          });
          messages.push({ key: record.key, value: record.value, headers: record.headers });
        }
        await producer.send({ topic, acks: -1, messages });
        const acked = Date.now();
        for (const m of messages) sentAt.set(m.headers.ce_id, acked);
      }
    }),
  );
  await until(() => doneAt.size >= EVENTS, 600000, 'raw events consumed');
  const result = summarise(started, sentAt, doneAt);
  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteGroups([`${prefix}.raw-consumer`]).catch(() => undefined);
  await admin.disconnect();
  return result;
}

async function cleanup(): Promise<void> {
  await dropSchema(DATABASE_URL, schema).catch(() => undefined);
  const admin = createKafka({
    brokers: BROKERS,
    clientId: 'bench-cleanup',
    topicPrefix: '',
    partitions: 1,
    sasl: benchAdminCredentials(),
  }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
  if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${prefix}.`));
  if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
  await admin.disconnect();
}

function markdown(report: {
  outbox: RunResult;
  raw: RunResult;
  ratio: Record<string, number>;
  environment: Record<string, unknown>;
}): string {
  const row = (name: string, r: RunResult): string =>
    `| ${name} | ${r.events} | ${r.seconds} | ${r.eventsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} |`;
  return [
    '# Outbox throughput',
    '',
    `Run ${String(report.environment.runAt)} on ${String(report.environment.cpus)} CPUs (load average ${String(report.environment.loadAverage)}), broker ${BROKERS.join(',')}, ${PARTITIONS} partitions, ${KEYS} keys, ${WRITERS} concurrent writers, ${PER_TRANSACTION} events per producing transaction / send.`,
    '',
    '| path | events | seconds | events/s | p50 ms | p90 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|---|',
    row('outbox → relay → Kafka → inbox consumer (commit → consumer commit)', report.outbox),
    row('raw kafkajs produce → consume (ack → eachMessage)', report.raw),
    '',
    `Outbox/raw: throughput ×${report.ratio.throughput}, p50 latency ×${report.ratio.p50Latency}, p99 latency ×${report.ratio.p99Latency}.`,
    '',
    `Of the outbox latency, insert → published by the relay (outbox_message.sent_at - created_at): p50 ${relayLatency?.p50} ms, p99 ${relayLatency?.p99} ms, max ${relayLatency?.max} ms.`,
    '',
    'The outbox path adds, per event: the outbox insert in the producing transaction, the relay round (claim, send with acks=all, mark sent), and on the consumer an inbox insert and a PostgreSQL commit (shared by up to 50 consecutive records of a partition).',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  try {
    const raw = await runRaw();
    const outbox = await runOutbox();
    const round = (n: number): number => Math.round(n * 100) / 100;
    const report = {
      outbox,
      raw,
      relayLatencyMs: relayLatency,
      ratio: {
        throughput: round(outbox.eventsPerSecond / raw.eventsPerSecond),
        p50Latency: round(outbox.latencyMs.p50 / raw.latencyMs.p50),
        p99Latency: round(outbox.latencyMs.p99 / raw.latencyMs.p99),
      },
      environment: {
        runAt: new Date().toISOString(),
        cpus: os.cpus().length,
        loadAverage: os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' '),
        node: process.version,
        events: EVENTS,
        writers: WRITERS,
        topic: prefixedTopic(prefix, TOPICS.workOrderChanged.name),
      },
    };
    const dir = path.join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'outbox-throughput.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(dir, 'outbox-throughput.md'), markdown(report));
    console.log(markdown(report));
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
