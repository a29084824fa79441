import { DLQ_HEADERS, prefixedTopic, Progressed, Resolved, TOPICS, WorkOrderChanged } from '@legal/contracts';
import { encodeCloudEvent, EventCollector, MessagingRuntime, replayDeadLetters } from '@legal/messaging';
import { execFile } from 'node:child_process';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import {
  BROKERS,
  cleanup,
  createEffectTable,
  insertEffect,
  isolation,
  kafkaClient,
  openDataSource,
  quietLogs,
  REPO_ROOT,
  runtime,
  waitUntil,
  workOrderChanged,
  workOrderId,
} from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(120_000);
const { schema, prefix } = isolation('dlq');
const topic = prefixedTopic(prefix, TOPICS.workOrderChanged.name);
const dlq = `${topic}.dlq`;
const POISON_VERSION = 999;

describe('dead letters (real PostgreSQL and Kafka)', () => {
  let ds: DataSource;
  let messaging: MessagingRuntime;
  let collector: EventCollector;
  const calls = new Map<string, number>();
  let poisonCured = false;
  const kafka = kafkaClient('dlq-test');

  async function versionsApplied(key: number): Promise<number[]> {
    const rows = (await ds.query(`SELECT version FROM "${schema}"."effect" WHERE work_order_id = $1 ORDER BY id`, [
      workOrderId(key),
    ])) as { version: number }[];
    return rows.map((r) => r.version);
  }

  async function publish(key: number, version: number): Promise<string> {
    const event = await ds.transaction((m) =>
      messaging.outbox.publish(m, WorkOrderChanged, workOrderChanged(key, version), { subject: workOrderId(key) }),
    );
    return event.id;
  }

  beforeAll(async () => {
    ds = await openDataSource(schema, `${prefix}-dlq`, 6);
    await createEffectTable(ds);
    messaging = runtime({ serviceName: 'dlq-test', dataSource: ds, topicPrefix: prefix });
    messaging.consumers.register({
      group: 'poison',
      events: [WorkOrderChanged],
      maxAttempts: 3,
      retryBackoff: { initialMs: 50, maxMs: 200 },
      handle: async (event, manager) => {
        calls.set(event.id, (calls.get(event.id) ?? 0) + 1);
        if (event.data.version === POISON_VERSION && !poisonCured)
          throw new Error(`cannot apply version ${POISON_VERSION}`);
        await insertEffect(manager, event.id, event.data);
      },
    });
    messaging.consumers.register({
      group: 'picky',
      events: [Progressed],
      handle: async (event) => {
        calls.set(event.id, (calls.get(event.id) ?? 0) + 1);
      },
    });
    await messaging.start();
    collector = await EventCollector.start(kafka, [dlq, topic]);
  });

  afterAll(async () => {
    await collector?.stop();
    await messaging?.stop();
    await cleanup(prefix, [schema], [ds]);
  });

  it('dead-letters a poison message after bounded retries; later messages of the partition proceed', async () => {
    const before = await publish(1, 1);
    const poison = await publish(1, POISON_VERSION);
    const after = [await publish(1, 2), await publish(1, 3)];
    await waitUntil(async () => (await versionsApplied(1)).length === 3, 30000, 'versions 1, 2, 3 applied');
    expect(await versionsApplied(1)).toEqual([1, 2, 3]);
    const [letter] = await collector.waitFor((r) => r.topic === dlq && r.headers.ce_id === poison, 1, 20000);
    expect(calls.get(poison)).toBe(3); // maxAttempts, then dead-lettered
    // Neighbours may have run once more inside a rolled-back shared transaction; their effects exist once.
    for (const id of [before, ...after]) expect(calls.get(id)).toBeGreaterThanOrEqual(1);
    const original = collector.records.find((r) => r.topic === topic && r.headers.ce_id === poison);
    expect(letter?.key).toBe(workOrderId(1));
    expect(letter?.value).toBe(original?.value);
    expect(letter?.headers).toMatchObject({
      ...original?.headers,
      [DLQ_HEADERS.reason]: 'handler-failed',
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.sourceTopic]: topic,
      [DLQ_HEADERS.sourcePartition]: String(original?.partition),
      [DLQ_HEADERS.sourceOffset]: original?.offset,
      [DLQ_HEADERS.consumerGroup]: `${prefix}.dlq-test.poison`,
    });
    expect(letter?.headers[DLQ_HEADERS.error]).toContain(`cannot apply version ${POISON_VERSION}`);
    expect(Number.isNaN(Date.parse(letter?.headers[DLQ_HEADERS.failedAt] ?? ''))).toBe(false);
  });

  it('dead-letters invalid records at once (schema, version, JSON, envelope) without calling the handler', async () => {
    const valid = encodeCloudEvent({
      id: randomUUID(),
      source: '/legal/stranger',
      type: WorkOrderChanged.type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject: workOrderId(2),
      datacontenttype: 'application/json',
      correlationid: 'corr-dlq-0001',
      data: workOrderChanged(2, 1),
    });
    const ids = { schema: randomUUID(), version: randomUUID(), json: randomUUID(), envelope: randomUUID() };
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        {
          key: workOrderId(2),
          value: JSON.stringify({ workOrderId: workOrderId(2), version: 'one' }),
          headers: { ...valid.headers, ce_id: ids.schema },
        },
        {
          key: workOrderId(2),
          value: valid.value,
          headers: { ...valid.headers, ce_id: ids.version, ce_type: 'legal.workorder.changed.v9' },
        },
        { key: workOrderId(2), value: '{"workOrderId": oops', headers: { ...valid.headers, ce_id: ids.json } },
        { key: workOrderId(2), value: valid.value, headers: { 'content-type': 'application/json', id: ids.envelope } },
      ],
    });
    await producer.disconnect();
    const followUp = await publish(2, 2);
    await waitUntil(
      async () => (await versionsApplied(2)).includes(2),
      30000,
      'the valid event after the invalid ones',
    );
    const letters = await collector.waitFor((r) => r.topic === dlq && r.key === workOrderId(2), 4, 20000);
    const byReason = Object.fromEntries(letters.map((l) => [l.headers[DLQ_HEADERS.reason], l]));
    expect(byReason['schema-violation']?.headers.ce_id).toBe(ids.schema);
    expect(byReason['unknown-type']?.headers.ce_id).toBe(ids.version);
    expect(byReason['not-json']?.headers.ce_id).toBe(ids.json);
    expect(byReason['invalid-envelope']?.headers.id).toBe(ids.envelope);
    for (const letter of letters) expect(letter.headers[DLQ_HEADERS.attempts]).toBe('1');
    expect(byReason['schema-violation']?.headers[DLQ_HEADERS.error]).toMatch(/version/);
    for (const id of Object.values(ids)) expect(calls.has(id)).toBe(false);
    expect(calls.get(followUp)).toBeGreaterThanOrEqual(1);
  });

  it('acknowledges known event types a group does not handle, without dead-lettering them', async () => {
    const resolved = await ds.transaction((m) =>
      messaging.outbox.publish(m, Resolved, Resolved.example, { subject: Resolved.example.workOrderId }),
    );
    const progressed = await ds.transaction((m) =>
      messaging.outbox.publish(m, Progressed, Progressed.example, { subject: Progressed.example.workOrderId }),
    );
    await waitUntil(() => calls.get(progressed.id) === 1, 30000, 'the Progressed event handled');
    expect(calls.has(resolved.id)).toBe(false);
    const admin = kafka.admin();
    await admin.connect();
    const reportTopic = prefixedTopic(prefix, TOPICS.handlerReport.name);
    // Offsets are committed on an interval (the runner's commitIntervalMs), not per record: wait for the commit.
    const committedSum = async (): Promise<number> => {
      const committed = await admin.fetchOffsets({ groupId: `${prefix}.dlq-test.picky`, topics: [reportTopic] });
      return committed[0]?.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0) ?? 0;
    };
    try {
      await waitUntil(async () => (await committedSum()) === 2, 15000, 'both records committed by the picky group');
      const dlqOffsets = await admin.fetchTopicOffsets(`${reportTopic}.dlq`);
      expect(dlqOffsets.every((o) => o.high === '0')).toBe(true);
      expect(await committedSum()).toBe(2);
    } finally {
      await admin.disconnect();
    }
  });

  it('replays handler failures to the source topic once fixed; the inbox still dedupes by ce_id', async () => {
    const dryRun = await replayDeadLetters({ kafka, topic: dlq, reason: 'handler-failed', dryRun: true });
    expect(dryRun).toMatchObject({ scanned: 5, replayed: 0, skipped: 4 });
    poisonCured = true;
    const report = await replayDeadLetters({ kafka, topic: dlq, reason: 'handler-failed' });
    expect(report).toMatchObject({ scanned: 5, replayed: 1, skipped: 4, targets: { [topic]: 1 } });
    await waitUntil(
      async () => (await versionsApplied(1)).includes(POISON_VERSION),
      30000,
      'the replayed event applied',
    );
    const replayed = collector.records.filter(
      (r) => r.topic === topic && r.event?.data && (r.event.data as { version?: number }).version === POISON_VERSION,
    );
    expect(replayed).toHaveLength(2);
    expect(replayed[1]?.headers).toEqual(replayed[0]?.headers); // no dlq_* headers, same ce_id
    // Replaying everything again changes nothing: the handled event is a duplicate now.
    await replayDeadLetters({ kafka, topic: dlq, reason: 'handler-failed' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await versionsApplied(1)).filter((v) => v === POISON_VERSION)).toHaveLength(1);
  });

  it('offers the replay as a command-line script', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '-r',
        path.join(REPO_ROOT, 'test', 'swc-register.js'),
        path.join(REPO_ROOT, 'libs/messaging/src/replay/replay.cli.ts'),
        '--topic',
        dlq,
        '--brokers',
        BROKERS.join(','),
        '--reason',
        'not-json',
        '--dry-run',
      ],
      { cwd: REPO_ROOT },
    );
    expect(JSON.parse(stdout)).toMatchObject({ topic: dlq, scanned: 5, replayed: 0, skipped: 4, dryRun: true });
  });
});
