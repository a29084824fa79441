import { CloudEvent, DLQ_HEADERS, IntakeSubmitted, prefixedTopic, TOPICS, WorkOrderDispatched } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { idCardCheckCharacter } from '@legal/domain';
import { encodeCloudEvent, EventCollector, EventSealing, MessagingRuntime } from '@legal/messaging';
import { TransitSealer } from '@legal/privacy';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  cleanup,
  isolation,
  kafkaClient,
  openDataSource,
  quietLogs,
  runtime,
  waitUntil,
} from './support/messaging-test-kit';

quietLogs();
jest.setTimeout(120_000);

type IntakeData = EventData<typeof IntakeSubmitted>;
type DispatchData = EventData<typeof WorkOrderDispatched>;

const { schema, prefix, id } = isolation('sealed');
const consumerSchema = `${schema}_wo`;
const topic = prefixedTopic(prefix, TOPICS.intakeSubmitted.name);
const dlq = `${topic}.dlq`;
const dispatchTopic = prefixedTopic(prefix, TOPICS.workOrderDispatch.name);

const PHONE = '13812345678';
const ID_CARD = `37132419900307123${idCardCheckCharacter('37132419900307123')}`;
const ADDRESS = '山东省临沂市兰陵县卞庄街道幸福路1号';

function intake(): IntakeData {
  return {
    ...IntakeSubmitted.example,
    intakeId: randomUUID(),
    platformRecordId: `call-${id}`,
    applicant: { name: '张三', phone: PHONE, idCardNumber: ID_CARD, address: ADDRESS },
  };
}

function containsClear(text: string | null | undefined): string[] {
  return [PHONE, ID_CARD, ADDRESS, '张三'].filter((v) => (text ?? '').includes(v));
}

describe('personal data is sealed end to end (real PostgreSQL and Kafka)', () => {
  let hotlineDs: DataSource;
  let workOrderDs: DataSource;
  let hotline: MessagingRuntime;
  let workOrder: MessagingRuntime;
  let collector: EventCollector;
  const received = new Map<string, IntakeData>();
  const handlers: { legalAid: DispatchData[]; mediation: DispatchData[] } = { legalAid: [], mediation: [] };
  let legalAidDs: DataSource;
  let mediationDs: DataSource;
  let legalAid: MessagingRuntime;
  let mediation: MessagingRuntime;
  const kafka = kafkaClient('sealed-test');

  beforeAll(async () => {
    hotlineDs = await openDataSource(schema, `${prefix}-hotline`, 3);
    workOrderDs = await openDataSource(consumerSchema, `${prefix}-work-order`, 3);
    // The producer seals with the directory only; the consumer opens with its own (development) private key.
    hotline = runtime({
      serviceName: 'hotline',
      dataSource: hotlineDs,
      topicPrefix: prefix,
      sealing: EventSealing.development('hotline'),
    });
    workOrder = runtime({
      serviceName: 'work-order',
      dataSource: workOrderDs,
      topicPrefix: prefix,
      relay: { enabled: false },
      sealing: EventSealing.development('work-order'),
    });
    workOrder.consumers.register({
      group: 'intake',
      events: [IntakeSubmitted],
      maxAttempts: 1,
      handle: async (event) => {
        received.set(event.data.intakeId, event.data);
      },
    });
    legalAidDs = await openDataSource(`${schema}_la`, `${prefix}-legal-aid`, 3);
    mediationDs = await openDataSource(`${schema}_me`, `${prefix}-mediation`, 3);
    legalAid = runtime({
      serviceName: 'legal-aid',
      dataSource: legalAidDs,
      topicPrefix: prefix,
      relay: { enabled: false },
      sealing: EventSealing.development('legal-aid'),
    });
    mediation = runtime({
      serviceName: 'mediation',
      dataSource: mediationDs,
      topicPrefix: prefix,
      relay: { enabled: false },
      sealing: EventSealing.development('mediation'),
    });
    legalAid.consumers.register({
      group: 'offers',
      events: [WorkOrderDispatched],
      maxAttempts: 1,
      handle: async (event) => void handlers.legalAid.push(event.data),
    });
    mediation.consumers.register({
      group: 'dispatch',
      events: [WorkOrderDispatched],
      maxAttempts: 1,
      handle: async (event) => void handlers.mediation.push(event.data),
    });
    await hotline.start();
    await workOrder.start();
    await legalAid.start();
    await mediation.start();
    collector = await EventCollector.start(kafka, [topic, dlq, dispatchTopic, `${dispatchTopic}.dlq`]);
  });

  afterAll(async () => {
    await collector?.stop();
    await workOrder?.stop();
    await legalAid?.stop();
    await mediation?.stop();
    await hotline?.stop();
    await cleanup(
      prefix,
      [schema, consumerSchema, `${schema}_la`, `${schema}_me`],
      [hotlineDs, workOrderDs, legalAidDs, mediationDs],
    );
  });

  it('the outbox row and the Kafka record hold only the sealed form; the handler gets the plain values', async () => {
    const data = intake();
    const published = await hotlineDs.transaction((m) =>
      hotline.outbox.publish(m, IntakeSubmitted, data, { subject: data.intakeId }),
    );
    expect(published.data.applicant).toEqual(data.applicant); // the caller keeps its plain view

    const [row] = (await hotlineDs.query(
      `SELECT payload::text AS payload FROM "${schema}"."outbox_message" WHERE event_id = $1`,
      [published.id],
    )) as { payload: string }[];
    expect(containsClear(row?.payload)).toEqual([]);
    const stored = JSON.parse(row!.payload) as {
      applicant: { recipients: { header: { alg: string; kid: string } }[] };
      description: string;
    };
    expect(stored.applicant.recipients.map((r) => r.header)).toEqual([
      expect.objectContaining({ alg: 'ECDH-ES+A256KW', kid: 'work-order/dev' }),
    ]);
    expect(stored.description).toBe(data.description); // only the declared fields are sealed

    await waitUntil(() => received.has(data.intakeId), 60000, 'the work-order handler');
    expect(received.get(data.intakeId)?.applicant).toEqual({
      name: '张三',
      phone: PHONE,
      idCardNumber: ID_CARD,
      address: ADDRESS,
    });

    const [record] = await collector.waitFor((r) => r.topic === topic && r.headers.ce_id === published.id, 1, 30000);
    expect(containsClear(record?.value)).toEqual([]);
    expect(record?.value).toContain('"recipients"');

    // the inbox keeps ids only
    const inbox = (await workOrderDs.query(`SELECT * FROM "${consumerSchema}"."inbox_message"`)) as Record<
      string,
      unknown
    >[];
    expect(inbox.length).toBeGreaterThan(0);
    expect(containsClear(JSON.stringify(inbox))).toEqual([]);
  });

  it('a record sealed for a key the consumer does not hold goes to the DLQ as unsealable, still sealed', async () => {
    // Someone seals for work-order with a key id work-order never had (a retired or foreign key).
    const stranger = TransitSealer.generateKeyPair('retired-2025');
    const foreign = new EventSealing(
      TransitSealer.fromConfig('hotline', 'development', JSON.stringify({ 'work-order': stranger.publicEntry })),
    );
    const data = intake();
    const event: CloudEvent = {
      id: randomUUID(),
      source: '/legal/hotline',
      type: IntakeSubmitted.type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject: data.intakeId,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: await foreign.seal(IntakeSubmitted, data),
    };
    const encoded = encodeCloudEvent(event);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: encoded.key, value: encoded.value, headers: encoded.headers }] });
    } finally {
      await producer.disconnect();
    }

    const [letter] = await collector.waitFor((r) => r.topic === dlq && r.headers.ce_id === event.id, 1, 60000);
    expect(letter?.headers[DLQ_HEADERS.reason]).toBe('unsealable');
    expect(letter?.headers[DLQ_HEADERS.error]).toMatch(
      /unknown-kid: applicant: no private key for kid work-order\/retired-2025/,
    );
    expect(letter?.value).toBe(String(encoded.value)); // the dead letter keeps the sealed bytes
    expect(containsClear(letter?.value)).toEqual([]);
    expect(letter?.sealed).toBe(true);
    expect(received.has(data.intakeId)).toBe(false);
  });

  it('a clear person on a sealed field is refused on the wire (schema-violation), and the outbox refuses to publish without a sealer', async () => {
    const data = intake();
    const clear = encodeCloudEvent({
      id: randomUUID(),
      source: '/legal/hotline',
      type: IntakeSubmitted.type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject: data.intakeId,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: clear.key, value: clear.value, headers: clear.headers }] });
    } finally {
      await producer.disconnect();
    }
    const [letter] = await collector.waitFor((r) => r.topic === dlq && r.key === data.intakeId, 1, 60000);
    expect(letter?.headers[DLQ_HEADERS.reason]).toBe('schema-violation');
    expect(letter?.headers[DLQ_HEADERS.error]).toContain('/applicant');
    expect(received.has(data.intakeId)).toBe(false);

    const unsealed = new MessagingRuntime({
      serviceName: 'hotline',
      dataSource: hotlineDs,
      kafka,
      topicPrefix: prefix,
      partitions: 3,
      relay: { enabled: false },
    });
    // (outside production the runtime falls back to development keys; force "no sealer")
    (unsealed.outbox as unknown as { sealing?: EventSealing }).sealing = undefined;
    await expect(
      hotlineDs.transaction((m) => unsealed.outbox.publish(m, IntakeSubmitted, intake(), { subject: randomUUID() })),
    ).rejects.toThrow(/no sealer/);
  });

  it('a dispatch is readable by the handler it is for only: mediation opens it, legal aid skips it unopened (no dead letter)', async () => {
    // (published through the test's outbox; in the system the work-order service does)
    const data: DispatchData = {
      ...WorkOrderDispatched.example,
      offerId: randomUUID(),
      workOrderId: randomUUID(),
      handler: 'mediation',
      applicant: { name: '张三', phone: PHONE, address: ADDRESS },
    };
    const published = await hotlineDs.transaction((m) =>
      hotline.outbox.publish(m, WorkOrderDispatched, data, { subject: data.workOrderId }),
    );
    const [record] = await collector.waitFor(
      (r) => r.topic === dispatchTopic && r.headers.ce_id === published.id,
      1,
      30000,
    );
    expect(containsClear(record?.value)).toEqual([]);
    expect(
      (
        JSON.parse(record!.value!) as { applicant: { recipients: { header: { kid: string } }[] } }
      ).applicant.recipients.map((r) => r.header.kid),
    ).toEqual(['mediation/dev']);

    await waitUntil(() => handlers.mediation.some((d) => d.offerId === data.offerId), 60000, 'the mediation handler');
    expect(handlers.mediation.find((d) => d.offerId === data.offerId)?.applicant).toEqual({
      name: '张三',
      phone: PHONE,
      address: ADDRESS,
    });
    // legal aid consumed past it (its group's offset moves on) without handling it or dead-lettering it
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitUntil(
        async () => {
          const offsets = await admin.fetchOffsets({ groupId: `${prefix}.legal-aid.offers`, topics: [dispatchTopic] });
          const committed = offsets.flatMap((t) => t.partitions).find((p) => p.partition === record!.partition)?.offset;
          return committed !== undefined && Number(committed) > Number(record!.offset);
        },
        60000,
        'legal aid to move past the dispatch',
      );
    } finally {
      await admin.disconnect();
    }
    expect(handlers.legalAid.some((d) => d.offerId === data.offerId)).toBe(false);
    expect(collector.records.some((r) => r.topic === `${dispatchTopic}.dlq` && r.headers.ce_id === published.id)).toBe(
      false,
    );
  });
});
