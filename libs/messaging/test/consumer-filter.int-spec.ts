import { prefixedTopic, TOPICS, WorkOrderChanged } from '@legal/contracts';
import type { MessagingRuntime } from '@legal/messaging';
import type { DataSource } from 'typeorm';
import {
  cleanup,
  createEffectTable,
  insertEffect,
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
const { schema, prefix } = isolation('filter');
const topic = prefixedTopic(prefix, TOPICS.workOrderChanged.name);

/**
 * Issue 14: a group that wants only some valid events of a type (a platform's own intake outcomes) says so with
 * `accepts`; the others are acknowledged like a type it does not list: no transaction, no inbox row, no handler.
 */
describe("a consumer group's accepts filter (real PostgreSQL and Kafka)", () => {
  let ds: DataSource;
  let messaging: MessagingRuntime;
  const handled: { id: string; key: string; version: number }[] = [];
  const kafka = kafkaClient('filter-test');

  beforeAll(async () => {
    ds = await openDataSource(schema, `${prefix}-filter`);
    await createEffectTable(ds);
    messaging = runtime({ serviceName: 'filter-test', dataSource: ds, topicPrefix: prefix });
    messaging.consumers.register({
      group: 'even',
      events: [WorkOrderChanged],
      // Only even versions: refused and accepted records alternate within each key.
      accepts: (event) => event.data.version % 2 === 0,
      handle: async (event, manager) => {
        handled.push({ id: event.id, key: event.data.workOrderId, version: event.data.version });
        await insertEffect(manager, event.id, event.data);
      },
    });
    await messaging.start();
  });

  afterAll(async () => {
    await messaging?.stop();
    await cleanup(prefix, [schema], [ds]);
  });

  it('handles the accepted events once, in order per key; the refused leave no inbox row and are committed past', async () => {
    const ids = new Map<string, { key: number; version: number }>();
    for (const version of [1, 2, 3, 4, 5, 6]) {
      for (const key of [1, 2, 3]) {
        const event = await ds.transaction((m) =>
          messaging.outbox.publish(m, WorkOrderChanged, workOrderChanged(key, version), { subject: workOrderId(key) }),
        );
        ids.set(event.id, { key, version });
      }
    }
    const accepted = [...ids].filter(([, e]) => e.version % 2 === 0).map(([id]) => id);
    const refused = [...ids].filter(([, e]) => e.version % 2 === 1).map(([id]) => id);
    await waitUntil(() => handled.length >= accepted.length, 30000, 'the accepted events handled');

    const admin = kafka.admin();
    await admin.connect();
    // Offsets are committed on an interval (consumer options: 2 s), not per record: wait for the commit.
    const committedSum = async (): Promise<number> => {
      const committed = await admin.fetchOffsets({ groupId: `${prefix}.filter-test.even`, topics: [topic] });
      return committed[0]?.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0) ?? 0;
    };
    try {
      await waitUntil(async () => (await committedSum()) === ids.size, 15000, 'every record committed by the group');
      const dlqOffsets = await admin.fetchTopicOffsets(`${topic}.dlq`);
      expect(dlqOffsets.every((o) => o.high === '0')).toBe(true);
    } finally {
      await admin.disconnect();
    }

    // Exactly once, each key in publication order.
    expect(handled.map((h) => h.id).sort()).toEqual([...accepted].sort());
    for (const key of [1, 2, 3]) {
      expect(handled.filter((h) => h.key === workOrderId(key)).map((h) => h.version)).toEqual([2, 4, 6]);
    }
    const inbox = (await ds.query(
      `SELECT event_id FROM "${schema}"."inbox_message" WHERE consumer_group = 'even'`,
    )) as {
      event_id: string;
    }[];
    expect(inbox.map((r) => r.event_id).sort()).toEqual([...accepted].sort());
    expect(inbox.some((r) => refused.includes(r.event_id))).toBe(false);
  });
});
