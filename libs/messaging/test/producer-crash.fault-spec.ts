import { prefixedTopic, TOPICS, WorkOrderChanged } from '@legal/contracts';
import { EventCollector, MessagingRuntime } from '@legal/messaging';
import type { DataSource } from 'typeorm';
import {
  ChildFixture,
  cleanup,
  countEffects,
  createEffectTable,
  insertEffect,
  isolation,
  kafkaClient,
  openDataSource,
  quietLogs,
  runtime,
  waitUntil,
} from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(120_000);
const { schema, prefix } = isolation('pcrash');
const topic = prefixedTopic(prefix, TOPICS.workOrderChanged.name);

describe('a writer SIGKILLed between commit and publish (child processes, real PostgreSQL and Kafka)', () => {
  let ds: DataSource;
  let consumer: MessagingRuntime;
  let collector: EventCollector;
  const children: ChildFixture[] = [];

  async function count(sql: string): Promise<number> {
    const [row] = (await ds.query(sql)) as { n: number }[];
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    ds = await openDataSource(schema, `${prefix}-test`, 4);
    await createEffectTable(ds);
    consumer = runtime({ serviceName: 'pcrash', dataSource: ds, topicPrefix: prefix, relay: { enabled: false } });
    consumer.consumers.register({
      group: 'exactly-once',
      events: [WorkOrderChanged],
      handle: (event, manager) => insertEffect(manager, event.id, event.data),
    });
    await consumer.start();
    collector = await EventCollector.start(kafkaClient('pcrash-collector'), [topic]);
  });

  afterAll(async () => {
    for (const child of children) await child.stop();
    await collector?.stop();
    await consumer?.stop();
    await cleanup(prefix, [schema], [ds]);
  });

  it('publishes every committed event after a restart, and the consumer applies each exactly once', async () => {
    const env = { SCHEMA: schema, PREFIX: prefix, KEYS: '20' };
    const crashing = new ChildFixture('outbox-writer.fixture.ts', { ...env, COUNT: '100000', RELAY: 'off' });
    children.push(crashing);
    await crashing.waitForLine(/^committed 150$/, 60000);
    crashing.kill('SIGKILL');
    await crashing.exited;

    const committed = await count(`SELECT count(*)::int AS n FROM "${schema}"."business_record"`);
    expect(committed).toBeGreaterThanOrEqual(150);
    // Business rows and outbox rows committed together; none reached Kafka.
    expect(await count(`SELECT count(*)::int AS n FROM "${schema}"."outbox_message" WHERE sent_at IS NULL`)).toBe(
      committed,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(collector.records).toHaveLength(0);

    const restarted = new ChildFixture('outbox-writer.fixture.ts', { ...env, COUNT: '0', RELAY: 'on' });
    children.push(restarted);
    await restarted.waitForLine(/^ready$/, 60000);
    await waitUntil(async () => (await countEffects(ds)).total >= committed, 60000, `${committed} effects`);
    await collector.waitFor(() => true, committed, 20000);
    await new Promise((r) => setTimeout(r, 1000)); // anything extra would show up now

    expect(await countEffects(ds)).toEqual({ total: committed, distinct: committed });
    const ids = new Set(collector.records.map((r) => r.headers.ce_id));
    expect(collector.records).toHaveLength(committed);
    expect(ids.size).toBe(committed);
    const business = (await ds.query(`SELECT event_id FROM "${schema}"."business_record"`)) as { event_id: string }[];
    expect(new Set(business.map((b) => b.event_id))).toEqual(ids);
    expect(await count(`SELECT count(*)::int AS n FROM "${schema}"."outbox_message" WHERE sent_at IS NULL`)).toBe(0);
  });
});
