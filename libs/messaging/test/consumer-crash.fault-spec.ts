import { prefixedTopic, TOPICS, WorkOrderChanged } from '@legal/contracts';
import { MessagingRuntime } from '@legal/messaging';
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
  workOrderChanged,
  workOrderId,
} from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(150_000);
const { schema, prefix } = isolation('ccrash');
const topic = prefixedTopic(prefix, TOPICS.workOrderChanged.name);

describe('consumers that lose their process or their database connections (real PostgreSQL and Kafka)', () => {
  const dataSources: DataSource[] = [];
  const runtimes: MessagingRuntime[] = [];
  const children: ChildFixture[] = [];
  let ds: DataSource;
  let producer: MessagingRuntime;

  async function publishAll(firstKey: number, keys: number, versions: number): Promise<void> {
    for (let version = 1; version <= versions; version++) {
      await ds.transaction(async (m) => {
        for (let k = firstKey; k < firstKey + keys; k++) {
          await producer.outbox.publish(m, WorkOrderChanged, workOrderChanged(k, version), { subject: workOrderId(k) });
        }
      });
    }
    await waitUntil(
      async () =>
        (
          (await ds.query(`SELECT count(*)::int AS n FROM "${schema}"."outbox_message" WHERE sent_at IS NULL`)) as {
            n: number;
          }[]
        )[0]?.n === 0,
      30000,
      'outbox drained',
    );
  }

  async function versionsByKey(source: DataSource, fromKey: number): Promise<Map<string, number[]>> {
    const rows = (await source.query(
      `SELECT work_order_id, array_agg(version ORDER BY id) AS versions FROM "${schema}"."effect" WHERE work_order_id >= $1 GROUP BY work_order_id`,
      [workOrderId(fromKey)],
    )) as { work_order_id: string; versions: number[] }[];
    return new Map(rows.map((r) => [r.work_order_id, r.versions]));
  }

  beforeAll(async () => {
    ds = await openDataSource(schema, `${prefix}-test`, 4);
    dataSources.push(ds);
    await createEffectTable(ds);
    producer = runtime({ serviceName: 'ccrash-producer', dataSource: ds, topicPrefix: prefix });
    runtimes.push(producer);
    await producer.start();
  });

  afterAll(async () => {
    for (const child of children) await child.stop();
    for (const rt of runtimes) await rt.stop();
    await cleanup(prefix, [schema], dataSources);
  });

  it('a consumer SIGKILLed mid-batch (effects committed, offsets not) ends with exactly one effect per event', async () => {
    await publishAll(0, 10, 30); // 300 events
    const env = { SCHEMA: schema, PREFIX: prefix, GROUP: 'crashy' };
    const doomed = new ChildFixture('effect-consumer.fixture.ts', { ...env, SLEEP_AFTER: '120', RECORDS_PER_TX: '10' });
    children.push(doomed);
    await doomed.waitForLine(/^sleeping$/, 60000);
    await new Promise((r) => setTimeout(r, 300)); // let the other partitions' transactions in flight finish
    const effectsAtKill = (await countEffects(ds)).total;
    doomed.kill('SIGKILL');
    await doomed.exited;

    const admin = kafkaClient('ccrash-admin').admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId: `${prefix}.fixture.crashy`, topics: [topic] });
    await admin.disconnect();
    const committedOffsets = (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(effectsAtKill).toBeGreaterThanOrEqual(90);
    expect(committedOffsets).toBeLessThan(effectsAtKill); // these records will be redelivered

    const restarted = new ChildFixture('effect-consumer.fixture.ts', env);
    children.push(restarted);
    await waitUntil(async () => (await countEffects(ds)).total >= 300, 90000, '300 effects', 250);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await countEffects(ds)).toEqual({ total: 300, distinct: 300 });
    const expected = Array.from({ length: 30 }, (_, i) => i + 1);
    for (const versions of (await versionsByKey(ds, 0)).values()) expect(versions).toEqual(expected);
    await restarted.stop();
  });

  it('pg_terminate_backend of the consumer connections mid-consumption: processing resumes with no gaps and no duplicates', async () => {
    const firstKey = 5000;
    const victimApp = `${prefix}-victim`;
    const victimDs = await openDataSource(schema, victimApp, 4);
    dataSources.push(victimDs);
    const victim = runtime({
      serviceName: 'victim',
      dataSource: victimDs,
      topicPrefix: prefix,
      relay: { enabled: false },
      consumers: { recordsPerTransaction: 5 },
    });
    runtimes.push(victim);
    victim.consumers.register({
      group: 'victim',
      events: [WorkOrderChanged],
      handle: async (event, manager) => {
        if (event.data.workOrderId < workOrderId(firstKey)) return;
        await new Promise((r) => setTimeout(r, 3));
        await insertEffect(manager, event.id, event.data);
      },
    });
    await victim.start();
    await publishAll(firstKey, 20, 20); // 400 events
    const ours = (): Promise<{ total: number; distinct: number }> => countEffects(ds, workOrderId(firstKey));
    let terminated = 0;
    for (const threshold of [60, 180]) {
      await waitUntil(async () => (await ours()).total >= threshold, 60000, `${threshold} effects`, 50);
      const killed = (await ds.query(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`,
        [victimApp],
      )) as {
        ok: boolean;
      }[];
      terminated += killed.filter((k) => k.ok).length;
    }
    expect(terminated).toBeGreaterThan(0);
    await waitUntil(async () => (await ours()).total >= 400, 90000, '400 effects', 250);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await ours()).toEqual({ total: 400, distinct: 400 });
    const expected = Array.from({ length: 20 }, (_, i) => i + 1);
    const byKey = await versionsByKey(ds, firstKey);
    expect(byKey.size).toBe(20);
    for (const versions of byKey.values()) expect(versions).toEqual(expected);
  });
});
