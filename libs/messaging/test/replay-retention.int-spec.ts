import { DLQ_HEADERS, prefixedTopic, TOPICS, WorkOrderChanged } from '@legal/contracts';
import {
  encodeCloudEvent,
  EventCollector,
  MessagingRuntime,
  REPLAY_TARGET_GROUP_HEADER,
  replayDeadLetters,
  ReplayRefusedError,
} from '@legal/messaging';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { main as replayCli } from '../src/replay/replay.cli';
import {
  BROKERS,
  cleanup,
  isolation,
  kafkaClient,
  openDataSource,
  quietLogs,
  runtime,
  waitUntil,
  workOrderChanged,
  workOrderId,
} from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(120_000);
const { schema, prefix } = isolation('replayret');
const topic = prefixedTopic(prefix, TOPICS.workOrderChanged.name);
const dlq = `${topic}.dlq`;
const DAY = 24 * 60 * 60 * 1000;
const INBOX_RETENTION = { retentionMs: 30 * DAY };

/**
 * A dead letter older than the inbox retention: the groups that applied its event back then no longer
 * remember its id (their inbox rows were purged), so a replay to everybody would apply it twice.
 */
describe('replaying dead letters older than the inbox retention (real PostgreSQL and Kafka)', () => {
  let ds: DataSource;
  let messaging: MessagingRuntime;
  let collector: EventCollector;
  const kafka = kafkaClient('replay-retention-test');
  const handled: Record<'applier' | 'failer', string[]> = { applier: [], failer: [] };
  const failerGroup = `${prefix}.replay-ret.failer`;
  const oldEvent = randomUUID();
  const freshEvent = randomUUID();

  async function deadLetter(id: string, key: number, at: Date): Promise<void> {
    const record = encodeCloudEvent({
      id,
      source: '/legal/work-order',
      type: WorkOrderChanged.type,
      specversion: '1.0',
      time: at.toISOString(),
      subject: workOrderId(key),
      datacontenttype: 'application/json',
      correlationid: `corr-${id}`,
      data: workOrderChanged(key, 1),
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({
        topic: dlq,
        messages: [
          {
            key: record.key,
            value: record.value,
            headers: {
              ...record.headers,
              [DLQ_HEADERS.reason]: 'handler-failed',
              [DLQ_HEADERS.error]: 'Error: downstream registry unavailable',
              [DLQ_HEADERS.sourceTopic]: topic,
              [DLQ_HEADERS.sourcePartition]: '0',
              [DLQ_HEADERS.sourceOffset]: '0',
              [DLQ_HEADERS.attempts]: '5',
              [DLQ_HEADERS.failedAt]: new Date(at.getTime() + 60_000).toISOString(),
              [DLQ_HEADERS.consumerGroup]: failerGroup,
            },
          },
        ],
      });
    } finally {
      await producer.disconnect();
    }
  }

  beforeAll(async () => {
    ds = await openDataSource(schema, `${prefix}-replay`, 6);
    messaging = runtime({ serviceName: 'replay-ret', dataSource: ds, topicPrefix: prefix, relay: { enabled: false } });
    for (const group of ['applier', 'failer'] as const) {
      messaging.consumers.register({
        group,
        events: [WorkOrderChanged],
        handle: async (event) => {
          handled[group].push(event.id);
        },
      });
    }
    await messaging.start();
    collector = await EventCollector.start(kafka, [topic]);
    await deadLetter(oldEvent, 1, new Date(Date.now() - 40 * DAY));
    await deadLetter(freshEvent, 2, new Date(Date.now() - 2 * DAY));
  });

  afterAll(async () => {
    await collector?.stop();
    await messaging?.stop();
    await cleanup(prefix, [schema], [ds]);
  });

  it('refuses the whole replay, naming the letters, and produces nothing', async () => {
    const refusal = await replayDeadLetters({ kafka, topic: dlq, dedupeWindow: INBOX_RETENTION }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(ReplayRefusedError);
    const error = refusal as ReplayRefusedError;
    expect(error.count).toBe(1);
    expect(error.refused).toEqual([expect.objectContaining({ eventId: oldEvent, group: failerGroup })]);
    expect(error.message).toMatch(/older than the inbox retention .* would apply them twice\. Nothing was replayed/);

    const dryRun = await replayDeadLetters({ kafka, topic: dlq, dedupeWindow: INBOX_RETENTION, dryRun: true });
    expect(dryRun).toMatchObject({ scanned: 2, replayed: 0, beyondRetention: 1 });

    await new Promise((r) => setTimeout(r, 1500));
    expect(collector.records).toEqual([]);
    expect(handled).toEqual({ applier: [], failer: [] });
  });

  it('the command exits 3 with the refusal on stderr and the refused letters on stdout', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((c: string | Uint8Array) => (out.push(c.toString()), true));
    const stderr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((c: string | Uint8Array) => (err.push(c.toString()), true));
    let code: number;
    try {
      code = await replayCli(['--topic', dlq, '--brokers', BROKERS.join(','), '--inbox-retention-days', '30']);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(code).toBe(3);
    expect(JSON.parse(out.join(''))).toMatchObject({ topic: dlq, refused: 1, letters: [{ eventId: oldEvent }] });
    expect(err.join('')).toMatch(/refusing to replay: 1 selected dead letter/);
    expect(collector.records).toEqual([]);
  });

  it('with the override, an expired letter goes to the group that dead-lettered it only; fresh letters to everybody', async () => {
    const report = await replayDeadLetters({
      kafka,
      topic: dlq,
      dedupeWindow: INBOX_RETENTION,
      targetExpiredToFailedGroup: true,
    });
    expect(report).toMatchObject({
      scanned: 2,
      replayed: 2,
      beyondRetention: 1,
      targetedToFailedGroup: 1,
      targets: { [topic]: 2 },
    });

    await waitUntil(
      () => handled.failer.length === 2 && handled.applier.length === 1,
      30000,
      'the replayed events handled',
    );
    expect(handled.failer.sort()).toEqual([oldEvent, freshEvent].sort());
    // The applier had the old event long ago (its inbox forgot it): it skips the targeted copy.
    expect(handled.applier).toEqual([freshEvent]);
    const targeted = collector.records.find((r) => r.headers.ce_id === oldEvent);
    expect(targeted?.headers[REPLAY_TARGET_GROUP_HEADER]).toBe(failerGroup);
    expect(
      collector.records.find((r) => r.headers.ce_id === freshEvent)?.headers[REPLAY_TARGET_GROUP_HEADER],
    ).toBeUndefined();

    // The applier's offsets moved past the skipped record; nothing more arrives.
    await new Promise((r) => setTimeout(r, 1500));
    expect(handled.applier).toEqual([freshEvent]);
  });
});
