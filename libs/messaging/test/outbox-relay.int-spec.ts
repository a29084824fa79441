import { IntakeSubmitted, prefixedTopic, TOPICS, WorkOrderChanged } from '@legal/contracts';
import { EventCollector, MessagingRuntime, OutboxPayloadError } from '@legal/messaging';
import { runWithCorrelationId } from '@legal/observability';
import type { DataSource } from 'typeorm';
import {
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
jest.setTimeout(180_000);
const { schema, prefix } = isolation('relay');
const changedTopic = prefixedTopic(prefix, TOPICS.workOrderChanged.name);
const intakeTopic = prefixedTopic(prefix, TOPICS.intakeSubmitted.name);

describe('outbox relay (real PostgreSQL and Kafka)', () => {
  const dataSources: DataSource[] = [];
  const runtimes: MessagingRuntime[] = [];
  let writer: DataSource;
  let collector: EventCollector;

  async function open(name: string, poolSize = 4): Promise<DataSource> {
    const ds = await openDataSource(schema, `${prefix}-${name}`, poolSize);
    dataSources.push(ds);
    return ds;
  }

  function started(rt: MessagingRuntime): MessagingRuntime {
    runtimes.push(rt);
    return rt;
  }

  async function unsent(): Promise<number> {
    const [row] = (await writer.query(
      `SELECT count(*)::int AS n FROM "${schema}"."outbox_message" WHERE sent_at IS NULL`,
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    writer = await open('writer', 6);
    await createEffectTable(writer);
    const relayA = started(
      runtime({
        serviceName: 'relay-test',
        dataSource: await open('relay-a'),
        topicPrefix: prefix,
        relay: { batchSize: 200 },
      }),
    );
    await relayA.start();
    collector = await EventCollector.start(kafkaClient('collector'), [changedTopic, intakeTopic]);
  });

  afterAll(async () => {
    await collector?.stop();
    for (const rt of runtimes) await rt.stop();
    await cleanup(prefix, [schema], dataSources);
  });

  it('publishes a committed event in binary content mode: key = subject, value = data, ce_* headers', async () => {
    const [relay] = runtimes as [MessagingRuntime];
    const data = { ...IntakeSubmitted.example, intakeId: '6d2a4f1e-8f2c-4c1e-9a43-1a2b3c4d5e6f' };
    const published = await runWithCorrelationId('corr-relay-test-0001', () =>
      writer.transaction((manager) =>
        relay.outbox.publish(manager, IntakeSubmitted, data, { subject: data.intakeId, causationId: 'cause-0001' }),
      ),
    );
    const [record] = await collector.waitFor((r) => r.headers.ce_id === published.id, 1, 20000);
    expect(record?.topic).toBe(intakeTopic);
    expect(record?.key).toBe(data.intakeId);
    // value = data, with the personal-data field sealed for the consumers (the collector opens it into `event`)
    const value = JSON.parse(record?.value ?? 'null') as typeof data & { applicant: { recipients: unknown[] } };
    expect({ ...value, applicant: undefined }).toEqual({ ...data, applicant: undefined });
    expect(value.applicant.recipients).toHaveLength(1);
    expect(record?.value).not.toContain(data.applicant.phone);
    expect(record?.headers).toMatchObject({
      ce_id: published.id,
      ce_source: '/legal/relay-test',
      ce_type: 'legal.intake.submitted.v1',
      ce_specversion: '1.0',
      ce_time: published.time,
      ce_subject: data.intakeId,
      ce_correlationid: 'corr-relay-test-0001',
      ce_causationid: 'cause-0001',
      'content-type': 'application/json',
    });
    expect(record?.event).toEqual(published);
  });

  it('refuses an event its contract rejects, and a rolled-back event is never published', async () => {
    const [relay] = runtimes as [MessagingRuntime];
    const bad = { ...workOrderChanged(1, 1), version: 0 };
    await expect(
      writer.transaction((m) => relay.outbox.publish(m, WorkOrderChanged, bad, { subject: bad.workOrderId })),
    ).rejects.toBeInstanceOf(OutboxPayloadError);
    let rolledBackId = '';
    await expect(
      writer.transaction(async (m) => {
        rolledBackId = (
          await relay.outbox.publish(m, WorkOrderChanged, workOrderChanged(2, 1), { subject: workOrderId(2) })
        ).id;
        throw new Error('business rule failed after the event was written');
      }),
    ).rejects.toThrow('business rule failed');
    const marker = await writer.transaction((m) =>
      relay.outbox.publish(m, WorkOrderChanged, workOrderChanged(2, 2), { subject: workOrderId(2) }),
    );
    await collector.waitFor((r) => r.headers.ce_id === marker.id, 1, 20000);
    expect(collector.records.some((r) => r.headers.ce_id === rolledBackId)).toBe(false);
    const [row] = (await writer.query(
      `SELECT count(*)::int AS n FROM "${schema}"."outbox_message" WHERE event_id = $1`,
      [rolledBackId],
    )) as { n: number }[];
    expect(row?.n).toBe(0);
  });

  it('publishes the event of a long transaction that inserted first but commits last (no watermark skips it)', async () => {
    const [relay] = runtimes as [MessagingRuntime];
    const early = writer.createQueryRunner();
    await early.connect();
    await early.startTransaction();
    const first = await relay.outbox.publish(early.manager, WorkOrderChanged, workOrderChanged(10, 1), {
      subject: workOrderId(10),
    });
    const later = await writer.transaction((m) =>
      relay.outbox.publish(m, WorkOrderChanged, workOrderChanged(11, 1), { subject: workOrderId(11) }),
    );
    const [ids] = (await writer.query(
      `SELECT array_agg(event_id ORDER BY id) AS ids FROM "${schema}"."outbox_message" WHERE event_id = ANY($1)`,
      [[first.id, later.id]],
    )) as { ids: string[] }[];
    // The later row was committed and published while the earlier id was still invisible.
    await collector.waitFor((r) => r.headers.ce_id === later.id, 1, 20000);
    expect(collector.records.some((r) => r.headers.ce_id === first.id)).toBe(false);
    expect(ids?.ids).toEqual([later.id]);
    await new Promise((r) => setTimeout(r, 1500)); // several relay rounds and polls pass meanwhile
    await early.commitTransaction();
    await early.release();
    await collector.waitFor((r) => r.headers.ce_id === first.id, 1, 20000);
    const [order] = (await writer.query(
      `SELECT array_agg(event_id ORDER BY id) AS ids FROM "${schema}"."outbox_message" WHERE event_id = ANY($1)`,
      [[first.id, later.id]],
    )) as { ids: string[] }[];
    expect(order?.ids).toEqual([first.id, later.id]); // lower id, published second
  });

  it('two relay instances deliver 10,000 events over 100 keys, each once, in per-key order', async () => {
    const [relayA] = runtimes as [MessagingRuntime];
    const relayB = started(
      runtime({
        serviceName: 'relay-test',
        dataSource: await open('relay-b'),
        topicPrefix: prefix,
        relay: { batchSize: 200 },
      }),
    );
    await relayB.start();
    const consumerDs = await open('consumer', 6);
    const consumer = started(
      runtime({ serviceName: 'relay-test', dataSource: consumerDs, topicPrefix: prefix, relay: { enabled: false } }),
    );
    consumer.consumers.register({
      group: 'order-check',
      events: [WorkOrderChanged],
      handle: (event, manager) => insertEffect(manager, event.id, event.data),
    });
    await consumer.start();
    const baseline = { a: relayA.relay?.status().published ?? 0 };
    const keys = 100;
    const perKey = 100;
    const t0 = Date.now();
    // Four writers, each owning a quarter of the keys (per-key order is defined by each key's single writer).
    const writers = 4;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let version = 1; version <= perKey; version++) {
          await writer.transaction(async (manager) => {
            for (let k = w; k < keys; k += writers) {
              await relayA.outbox.publish(manager, WorkOrderChanged, workOrderChanged(1000 + k, version), {
                subject: workOrderId(1000 + k),
              });
            }
          });
        }
      }),
    );
    const t1 = Date.now();
    await waitUntil(async () => (await unsent()) === 0, 150000, 'relays to drain the outbox', 100);
    const t2 = Date.now();
    const ours = (): Promise<{ total: number; distinct: number }> => countEffects(consumerDs, workOrderId(1000));
    await waitUntil(async () => (await ours()).total >= keys * perKey, 150000, '10,000 effects', 250);
    if (process.env.LOG_LEVEL === 'debug')
      process.stdout.write(`write ${t1 - t0} ms, drained +${t2 - t1} ms, consumed +${Date.now() - t2} ms\n`);
    expect(await ours()).toEqual({ total: keys * perKey, distinct: keys * perKey });
    const orders = (await consumerDs.query(
      `SELECT work_order_id, array_agg(version ORDER BY id) AS versions FROM "${schema}"."effect" WHERE work_order_id >= $1 GROUP BY work_order_id`,
      [workOrderId(1000)],
    )) as { work_order_id: string; versions: number[] }[];
    expect(orders).toHaveLength(keys);
    const expected = Array.from({ length: perKey }, (_, i) => i + 1);
    for (const { versions } of orders) expect(versions).toEqual(expected);
    expect((relayA.relay?.status().published ?? 0) - baseline.a).toBeGreaterThan(0);
    expect(relayB.relay?.status().published ?? 0).toBeGreaterThan(0);
    expect(await unsent()).toBe(0);
  });
});
