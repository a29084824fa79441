import { prefixedTopic, TOPICS, WorkOrderChanged } from '@legal/contracts';
import { EventCollector, MessagingRuntime, OutboxQuarantineAdmin, outboxChannel } from '@legal/messaging';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { main as quarantineCli } from '../src/outbox/outbox-quarantine.cli';
import {
  cleanup,
  DATABASE_URL,
  isolation,
  kafkaClient,
  openDataSource,
  quietLogs,
  runtime,
  waitUntil,
  workOrderId,
} from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(240_000);
const { schema, prefix } = isolation('quar');
const changedTopic = prefixedTopic(prefix, TOPICS.workOrderChanged.name);
const MAX_ATTEMPTS = 3;
/** Over the broker's default max.message.bytes (1 MiB), under the 4 MiB the fix raises it to. */
const TOO_LARGE = 1_200_000;

describe('outbox quarantine (real PostgreSQL and Kafka)', () => {
  const dataSources: DataSource[] = [];
  let writer: DataSource;
  let relay: MessagingRuntime;
  let collector: EventCollector;
  const registry = new Registry();

  /** Writes an outbox row as Outbox.publish does (the relay does not care how it got there). */
  async function enqueue(
    key: string,
    version: number,
    options: { padding?: number; topic?: string } = {},
  ): Promise<string> {
    const eventId = randomUUID();
    const payload = { workOrderId: key, version, ...(options.padding ? { padding: 'x'.repeat(options.padding) } : {}) };
    await writer.query(
      `WITH inserted AS (
         INSERT INTO "${schema}"."outbox_message" (event_id, topic, partition_key, event_type, source, event_time, correlation_id, payload)
         VALUES ($1, $2, $3, $4, '/legal/quarantine-test', now(), $5, $6) RETURNING id)
       SELECT pg_notify($7, '') FROM inserted`,
      [
        eventId,
        options.topic ?? TOPICS.workOrderChanged.name,
        key,
        WorkOrderChanged.type,
        `corr-${eventId}`,
        JSON.stringify(payload),
        outboxChannel(schema),
      ],
    );
    return eventId;
  }

  /**
   * Versions of a key as a consumer applies them: in offset order, each event id once. (A batch the broker
   * rejected for one record may still have been written for other partitions; the relay sends those rows
   * again when it isolates the rejected one, and the consumers' inbox absorbs the copies: at least once.)
   */
  function delivered(key: string): number[] {
    const seen = new Set<string>();
    return collector.records
      .filter((r) => r.key === key)
      .sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))
      .filter((r) => !seen.has(r.headers.ce_id ?? '') && seen.add(r.headers.ce_id ?? ''))
      .map((r) => (JSON.parse(r.value ?? '{}') as { version: number }).version);
  }

  async function quarantined(): Promise<
    { outbox_id: string; partition_key: string; attempts: number; last_error: string }[]
  > {
    return (await writer.query(
      `SELECT outbox_id::text, partition_key, attempts, last_error FROM "${schema}"."outbox_quarantine" ORDER BY outbox_id`,
    )) as {
      outbox_id: string;
      partition_key: string;
      attempts: number;
      last_error: string;
    }[];
  }

  async function metric(name: string): Promise<number> {
    const text = await registry.getSingleMetricAsString(name);
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return Number(line?.split(' ')[1]);
  }

  /** Runs the quarantine command in-process and returns its JSON report. */
  async function cli(args: string[]): Promise<Record<string, unknown>> {
    const chunks: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(chunk.toString());
      return true;
    });
    try {
      const code = await quarantineCli([...args, '--schema', schema], { DATABASE_URL });
      expect(code).toBe(0);
    } finally {
      write.mockRestore();
    }
    return JSON.parse(chunks.join('')) as Record<string, unknown>;
  }

  beforeAll(async () => {
    writer = await openDataSource(schema, `${prefix}-writer`, 4);
    dataSources.push(writer);
    const relayDs = await openDataSource(schema, `${prefix}-relay`, 4);
    dataSources.push(relayDs);
    relay = runtime({
      serviceName: 'quarantine-test',
      dataSource: relayDs,
      topicPrefix: prefix,
      metricsRegistry: registry,
      relay: { maxAttempts: MAX_ATTEMPTS, backoff: { initialMs: 100, maxMs: 400 }, pollIntervalMs: 200 },
    });
    await relay.start();
    collector = await EventCollector.start(kafkaClient('quarantine-collector'), [changedTopic]);
  });

  afterAll(async () => {
    await collector?.stop();
    await relay?.stop();
    await cleanup(prefix, [schema], dataSources);
  });

  const keyA = workOrderId(1);
  const keyB = workOrderId(2);

  it('quarantines a record the broker always rejects after OUTBOX_MAX_ATTEMPTS; later events of its key wait, other keys flow', async () => {
    await enqueue(keyA, 1, { padding: TOO_LARGE });
    await enqueue(keyA, 2);
    await enqueue(keyB, 1);
    await enqueue(keyB, 2);

    await waitUntil(async () => (await quarantined()).length === 1, 60000, 'the too-large row to be quarantined');
    const [entry] = await quarantined();
    expect(entry).toMatchObject({ partition_key: keyA, attempts: MAX_ATTEMPTS });
    expect(entry?.last_error).toMatch(/larger than the max message size/);

    // Another key is not held back, neither before nor after the quarantine.
    await waitUntil(() => delivered(keyB).length >= 2, 30000, 'B1, B2 published');
    await enqueue(keyB, 3);
    await enqueue(keyA, 3);
    await waitUntil(() => delivered(keyB).length >= 3, 30000, 'B3 published');
    expect(delivered(keyB)).toEqual([1, 2, 3]);

    // Nothing of the held key went out: not the rejected row, not the rows behind it.
    await new Promise((r) => setTimeout(r, 1500));
    expect(delivered(keyA)).toEqual([]);
    const held = (await writer.query(
      `SELECT count(*)::int AS n FROM "${schema}"."outbox_message" WHERE partition_key = $1 AND sent_at IS NULL`,
      [keyA],
    )) as { n: number }[];
    expect(held[0]?.n).toBe(3);

    // What the operator sees: the gauge, readiness still up (with the detail), and the list command.
    expect(await metric('outbox_quarantined_messages')).toBe(1);
    expect(await metric('outbox_quarantine_held_rows')).toBe(3);
    expect(await metric('outbox_backlog_rows')).toBe(0);
    const readiness = await relay.health.relayStatus();
    expect(readiness).toMatchObject({ up: true, detail: { quarantined: 1, heldRows: 3 } });
    const listed = (await cli(['list'])).quarantined as {
      key: string;
      heldRows: number;
      attempts: number;
      payloadBytes: number;
    }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ key: keyA, heldRows: 3, attempts: MAX_ATTEMPTS });
    expect(listed[0]?.payloadBytes).toBeGreaterThan(TOO_LARGE);
  });

  it('after the cause is fixed, releasing delivers the quarantined event and those held behind it, in order', async () => {
    const admin = kafkaClient('quarantine-fix').admin();
    await admin.connect();
    try {
      // The fix: the topic accepts larger records.
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: 2 /* TOPIC */,
            name: changedTopic,
            configEntries: [{ name: 'max.message.bytes', value: String(4 * 1024 * 1024) }],
          },
        ],
      });
    } finally {
      await admin.disconnect();
    }
    const dryRun = await cli(['release', '--key', keyA, '--dry-run']);
    expect((dryRun.wouldRelease as unknown[]).length).toBe(1);
    expect(await quarantined()).toHaveLength(1);

    const report = await cli(['release', '--key', keyA]);
    expect((report.released as { key: string }[]).map((e) => e.key)).toEqual([keyA]);
    await waitUntil(() => delivered(keyA).length >= 3, 60000, 'A1, A2, A3 published after the release');
    expect(delivered(keyA)).toEqual([1, 2, 3]);
    expect(await quarantined()).toEqual([]);
    await waitUntil(async () => (await metric('outbox_quarantined_messages')) === 0, 5000, 'the gauge to clear');
    expect(await metric('outbox_quarantine_held_rows')).toBe(0);
  });

  it('a topic that does not exist: quarantined while other keys are published; discarding lets the held events of its key flow', async () => {
    const keyC = workOrderId(3);
    const missing = await enqueue(keyC, 1, { topic: `no.such.topic.${randomUUID().slice(0, 8)}` });
    // Other keys keep publishing meanwhile: the broker takes them, so the rejection is the row's own.
    let traffic = 100;
    const sender = setInterval(() => void enqueue(workOrderId(traffic++), 1).catch(() => undefined), 300);
    try {
      await waitUntil(
        async () => (await quarantined()).some((q) => q.partition_key === keyC),
        120000,
        'the row for the missing topic to be quarantined',
        500,
      );
    } finally {
      clearInterval(sender);
    }
    expect((await quarantined())[0]?.last_error).toMatch(/does not host this topic-partition/);
    await enqueue(keyC, 2);
    const others = traffic - 100;
    await waitUntil(
      () => new Set(collector.records.filter((r) => Number(r.key?.slice(-12)) >= 100).map((r) => r.key)).size >= others,
      30000,
      'the other keys published',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(delivered(keyC)).toEqual([]);

    const report = await cli(['discard', '--key', keyC, '--reason', 'test: topic was never created']);
    expect(report.discarded).toEqual([
      expect.objectContaining({ eventId: missing, key: keyC, reason: 'test: topic was never created' }),
    ]);
    await waitUntil(() => delivered(keyC).length >= 1, 30000, 'C2 published after the discard');
    expect(delivered(keyC)).toEqual([2]);
    const gone = (await writer.query(
      `SELECT count(*)::int AS n FROM "${schema}"."outbox_message" WHERE event_id = $1`,
      [missing],
    )) as { n: number }[];
    expect(gone[0]?.n).toBe(0);
  });

  it('does not count broker outages or an unknown topic nobody can reach against a row', async () => {
    // A lone row on a missing topic with nothing else accepted in its rounds: the relay treats it as
    // infrastructure (it could be ACLs or topics not provisioned yet) and keeps retrying without counting.
    const keyD = workOrderId(4);
    await enqueue(keyD, 1, { topic: `no.such.topic.${randomUUID().slice(0, 8)}` });
    await waitUntil(
      async () => {
        const rows = (await writer.query(
          `SELECT last_error FROM "${schema}"."outbox_message" WHERE partition_key = $1`,
          [keyD],
        )) as { last_error: string | null }[];
        return rows[0]?.last_error !== null && rows[0]?.last_error !== undefined;
      },
      60000,
      'a recorded failure',
    );
    const admin = new OutboxQuarantineAdmin(writer);
    const [row] = (await writer.query(`SELECT attempts FROM "${schema}"."outbox_message" WHERE partition_key = $1`, [
      keyD,
    ])) as { attempts: number }[];
    expect(row?.attempts).toBe(0);
    expect(await admin.list({ keys: [keyD] })).toEqual([]);
    await writer.query(`DELETE FROM "${schema}"."outbox_message" WHERE partition_key = $1`, [keyD]);
  });
});
