import { DLQ_HEADERS, prefixedTopic, TOPICS, WorkOrderDispatched } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { EventCollector, EventSealing, MessagingRuntime } from '@legal/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { cleanup, isolation, kafkaClient, openDataSource, quietLogs, runtime } from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(120_000);

type DispatchData = EventData<typeof WorkOrderDispatched>;

const { schema, prefix } = isolation('addressed');
const dispatchTopic = prefixedTopic(prefix, TOPICS.workOrderDispatch.name);
const dlq = `${dispatchTopic}.dlq`;

function dispatch(handler: string): DispatchData {
  return {
    ...WorkOrderDispatched.example,
    offerId: randomUUID(),
    workOrderId: randomUUID(),
    handler,
    applicant: { name: '李四', phone: '13912345678', address: '山东省济南市历下区泉城路1号' },
  } as DispatchData;
}

describe('a consumer without transit keys (real PostgreSQL and Kafka)', () => {
  let producerDs: DataSource;
  let keylessDs: DataSource;
  let producer: MessagingRuntime;
  let keyless: MessagingRuntime;
  let collector: EventCollector;
  const handled: string[] = [];
  const kafka = kafkaClient('addressed-test');

  beforeAll(async () => {
    producerDs = await openDataSource(schema, `${prefix}-work-order`, 3);
    keylessDs = await openDataSource(`${schema}_ja`, `${prefix}-judicial-appraisal`, 3);
    producer = runtime({
      serviceName: 'work-order',
      dataSource: producerDs,
      topicPrefix: prefix,
      sealing: EventSealing.development('work-order'),
    });
    // A handler service deployed without PII_TRANSIT_KEYS: it can open nothing.
    keyless = runtime({
      serviceName: 'judicial-appraisal',
      dataSource: keylessDs,
      topicPrefix: prefix,
      relay: { enabled: false },
      sealing: null,
    });
    keyless.consumers.register({
      group: 'offers',
      events: [WorkOrderDispatched],
      maxAttempts: 1,
      handle: async (event) => void handled.push(event.data.offerId),
    });
    await producer.start();
    await keyless.start();
    collector = await EventCollector.start(kafka, [dispatchTopic, dlq]);
  });

  afterAll(async () => {
    await collector?.stop();
    await keyless?.stop();
    await producer?.stop();
    await cleanup(prefix, [schema, `${schema}_ja`], [producerDs, keylessDs]);
  });

  it('skips a dispatch sealed for another handler (no dead letter) and dead-letters one sealed for itself as unsealable', async () => {
    const forMediation = await producerDs.transaction((m) => {
      const data = dispatch('mediation');
      return producer.outbox.publish(m, WorkOrderDispatched, data, { subject: data.workOrderId });
    });
    // Same key, published after it: once this one is dead-lettered the keyless group has passed the first.
    const mine = dispatch('judicial-appraisal');
    const forMe = await producerDs.transaction((m) =>
      producer.outbox.publish(
        m,
        WorkOrderDispatched,
        { ...mine, workOrderId: forMediation.data.workOrderId },
        {
          subject: forMediation.data.workOrderId,
        },
      ),
    );

    const [letter] = await collector.waitFor((r) => r.topic === dlq && r.headers.ce_id === forMe.id, 1, 60000);
    expect(letter?.headers[DLQ_HEADERS.reason]).toBe('unsealable');
    expect(letter?.headers[DLQ_HEADERS.error]).toMatch(/no transit keys/);
    const inbox = (await keylessDs.query(
      `SELECT count(*)::int AS n FROM "${schema}_ja"."inbox_message" WHERE event_id = $1`,
      [forMediation.id],
    )) as { n: number }[];
    expect(inbox[0]?.n).toBe(0);
    expect(collector.records.some((r) => r.topic === dlq && r.headers.ce_id === forMediation.id)).toBe(false);
    expect(handled).toEqual([]);
  });
});
