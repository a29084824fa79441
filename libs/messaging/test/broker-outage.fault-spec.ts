import { WorkOrderChanged } from '@legal/contracts';
import { createKafka, MessagingRuntime } from '@legal/messaging';
import type { DataSource } from 'typeorm';
import {
  ChildFixture,
  cleanup,
  countEffects,
  createEffectTable,
  insertEffect,
  isolation,
  openDataSource,
  PrivateBroker,
  quietLogs,
  runtime,
  waitUntil,
} from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(240_000);
const { schema, prefix } = isolation('outage');

// Stops and restarts a real broker started by deploy/local/kafka.sh, but a private one (own data dir
// and ports): the shared broker of 127.0.0.1:9092 stays up for the other test runs on this machine.
describe('the broker goes down while events are written (child process, real PostgreSQL and Kafka)', () => {
  const broker = new PrivateBroker();
  let ds: DataSource;
  let consumer: MessagingRuntime | undefined;
  let writer: ChildFixture | undefined;

  const keys = 8;
  const mark = (what: string): void => {
    if (process.env.LOG_LEVEL === 'debug') process.stdout.write(`[outage test] ${new Date().toISOString()} ${what}\n`);
  };

  beforeAll(async () => {
    const brokerUp = broker.run('start');
    ds = await openDataSource(schema, `${prefix}-test`, 4);
    await createEffectTable(ds);
    // The writer compiles and connects to PostgreSQL while the broker starts; it waits for its topics.
    writer = new ChildFixture('outbox-writer.fixture.ts', {
      SCHEMA: schema,
      PREFIX: prefix,
      UNTIL_SIGNAL: '1',
      KEYS: String(keys),
      RELAY: 'on',
      INTERVAL_MS: '40',
      KAFKA_BROKERS: broker.brokers.join(','),
    });
    await brokerUp;
    mark('broker up');
    const kafka = createKafka({ brokers: broker.brokers, clientId: 'outage-test', topicPrefix: prefix, partitions: 3 });
    consumer = runtime({
      serviceName: 'outage',
      kafka,
      dataSource: ds,
      topicPrefix: prefix,
      relay: { enabled: false },
      consumers: { restartBackoff: { initialMs: 300, maxMs: 2000 }, stallTimeoutMs: 20000 },
    });
    consumer.consumers.register({
      group: 'survivor',
      events: [WorkOrderChanged],
      handle: (event, manager) => insertEffect(manager, event.id, event.data),
    });
    await consumer.start();
    mark('consumer up');
  });

  afterAll(async () => {
    await writer?.stop();
    await consumer?.stop();
    await broker.destroy();
    await cleanup(prefix, [schema], ds ? [ds] : []);
  });

  it('delivers every event once after the broker is back, and the writing process never exits', async () => {
    if (!writer) throw new Error('writer not started');
    await writer.waitForLine(/^committed 30$/, 60000);
    await waitUntil(async () => (await countEffects(ds)).total >= 10, 30000, 'first effects before the outage');
    mark('stopping the broker');
    await broker.run('stop');
    const committedWhenDown = writer.committed();
    await new Promise((r) => setTimeout(r, 3000));
    expect(writer.alive).toBe(true);
    expect(writer.committed()).toBeGreaterThan(committedWhenDown); // writes go on while Kafka is away
    const [unsent] = (await ds.query(
      `SELECT count(*)::int AS n FROM "${schema}"."outbox_message" WHERE sent_at IS NULL`,
    )) as { n: number }[];
    expect(unsent?.n).toBeGreaterThan(0);

    mark('starting the broker');
    await broker.run('start');
    mark('broker back');
    const committedWhenBack = writer.committed();
    const running = writer;
    await waitUntil(() => running.committed() >= committedWhenBack + 20, 60000, 'more writes after the broker is back');
    writer.kill('SIGUSR1');
    await writer.waitForLine(/^done$/, 30000);
    const [business] = (await ds.query(`SELECT count(*)::int AS n FROM "${schema}"."business_record"`)) as {
      n: number;
    }[];
    const total = business?.n ?? 0;
    expect(total).toBe(writer.committed());
    await waitUntil(async () => (await countEffects(ds)).total >= total, 150000, `${total} effects`, 500);
    mark('all effects');
    await new Promise((r) => setTimeout(r, 1000));

    expect(writer.alive).toBe(true);
    expect(await countEffects(ds)).toEqual({ total, distinct: total });
    const orders = (await ds.query(
      `SELECT array_agg(version ORDER BY id) AS versions FROM "${schema}"."effect" GROUP BY work_order_id`,
    )) as { versions: number[] }[];
    expect(orders).toHaveLength(keys);
    for (const { versions } of orders)
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
  });
});
