import { WorkOrderChanged } from '@legal/contracts';
import type { MessagingRuntime } from '@legal/messaging';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import {
  cleanup,
  countEffects,
  createEffectTable,
  insertEffect,
  isolation,
  openDataSource,
  quietLogs,
  runtime,
  waitUntil,
  workOrderChanged,
  workOrderId,
} from '../../test/support/messaging-test-kit';

quietLogs();
jest.setTimeout(120_000);
const { schema, prefix } = isolation('heartbeat');

/** The broker's group.min.session.timeout.ms: the shortest session a consumer may ask for. */
const SESSION_MS = 6000;
const SLOW_HANDLER_MS = SESSION_MS + 4000;

/**
 * Issue 19: a short consumer session notices a dead member quickly, but kafkajs heartbeats only between
 * batches. A handler that runs longer than the session must not get its (live) member thrown out of the
 * group: that would be a spurious rebalance, the batch's offsets refused and the records delivered again.
 */
describe('a handler slower than the consumer session (real PostgreSQL and Kafka)', () => {
  let ds: DataSource;
  let messaging: MessagingRuntime;
  const metrics = new Registry();
  let calls = 0;

  beforeAll(async () => {
    ds = await openDataSource(schema, `${prefix}-heartbeat`);
    await createEffectTable(ds);
    messaging = runtime({
      serviceName: 'heartbeat-test',
      dataSource: ds,
      topicPrefix: prefix,
      metricsRegistry: metrics,
      consumers: { sessionTimeout: SESSION_MS, heartbeatInterval: 1000, recordsPerTransaction: 1 },
    });
    messaging.consumers.register({
      group: 'slow',
      events: [WorkOrderChanged],
      handle: async (event, manager) => {
        calls++;
        if (event.data.version === 1) await new Promise((resolve) => setTimeout(resolve, SLOW_HANDLER_MS));
        await insertEffect(manager, event.id, event.data);
      },
    });
    await messaging.start();
  });

  afterAll(async () => {
    await messaging?.stop();
    await cleanup(prefix, [schema], [ds]);
  });

  it('keeps its member in the group (heartbeats mid-batch): each record handled once, none redelivered', async () => {
    for (const version of [1, 2, 3]) {
      const data = workOrderChanged(1, version);
      await ds.transaction((m) => messaging.outbox.publish(m, WorkOrderChanged, data, { subject: workOrderId(1) }));
    }
    await waitUntil(async () => (await countEffects(ds)).distinct === 3, 60_000, 'three effects');
    // Give a rebalance (had the member been dropped) time to redeliver the uncommitted records.
    await new Promise((resolve) => setTimeout(resolve, SESSION_MS));
    // (a histogram's values carry their series name at run time; prom-client's type does not say so)
    const outcomes = (await metrics.getSingleMetric('messaging_handler_duration_seconds')?.get())?.values
      .filter((v) => (v as { metricName?: string }).metricName === 'messaging_handler_duration_seconds_count')
      .map((v) => [String(v.labels.outcome), v.value] as const);
    expect(Object.fromEntries(outcomes ?? [])).toEqual({ handled: 3 });
    expect(calls).toBe(3);
    expect(messaging.consumers.runners().map((r) => r.membership)).toEqual(['joined']);
  });
});
