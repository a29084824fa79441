/**
 * 12345 transfers produced as events (legal.partner.transfer-request.v1 on the shared partner topic): real
 * identity, real broker. The 12345 partner writes records exactly as a partner producer would (sealed for
 * identity); the test reads the 12345 feed and the topic's dead letters.
 */
import { DLQ_HEADERS, partnerFeedTopic, PartnerTransferRequest, prefixedTopic, TOPICS } from '@legal/contracts';
import type { CloudEvent, EventData } from '@legal/contracts';
import { createKafka, encodeCloudEvent, EventCollector, sealCloudEvent } from '@legal/messaging';
import { TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningIdentity, startIdentity } from '../../test/start-identity';
import { DEV_STAFF_PASSWORD } from '../seed/dev-accounts';
import { PartnerTransfer } from './entities/partner-transfer.entity';

jest.setTimeout(150_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

type Request = EventData<typeof PartnerTransferRequest>;

describe('12345 transfers over events (identity, real broker)', () => {
  const tag = uniqueTag('xferev');
  const suffix = randomUUID().slice(0, 6);
  const hotline = `hotline-12345-${suffix}`;
  const other = `partner-other-${suffix}`;
  let identity: RunningIdentity;
  let producer: Producer;
  let feed: EventCollector;
  let otherFeed: EventCollector;
  let deadLetters: EventCollector;
  let notices: EventCollector;
  let coverage: EventCollector;
  let db: DataSource;
  const tokens: Record<string, string> = {};

  const matter = (): Request['matter'] => ({
    description: '工地拖欠工资两万元，老板一直不给',
    regionCode: '371324101',
    serviceType: 'legal-aid',
  });
  const consent = (): NonNullable<Request['consent']> => ({
    given: true,
    obtainedAt: new Date().toISOString(),
    method: 'recorded-call',
  });

  /** One record on the shared partner topic, sealed as a partner's producer seals it. */
  const produce = async (data: Record<string, unknown>): Promise<CloudEvent> => {
    const event: CloudEvent = {
      id: randomUUID(),
      source: '/partners/12345',
      type: PartnerTransferRequest.type,
      specversion: '1.0',
      time: new Date().toISOString(),
      subject: String(data.reference ?? 'none'),
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data,
    };
    const record = encodeCloudEvent(await sealCloudEvent(event));
    await producer.send({ topic: prefixedTopic(tag, TOPICS.partnerNotice.name), messages: [record] });
    return event;
  };
  const feedOf = (collector: EventCollector, reference: string): Array<Record<string, unknown>> =>
    collector.records.flatMap((r) =>
      r.event && (r.event.data as Record<string, unknown>).reference === reference
        ? [r.event.data as Record<string, unknown>]
        : [],
    );

  beforeAll(async () => {
    identity = await startIdentity(tag);
    db = identity.service.app.get(DataSource);
    const admin = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD })
      .expect(200);
    const kafka = createKafka({ brokers: BROKERS, clientId: `xferev-${tag}`, topicPrefix: tag, partitions: 3 });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    for (const [clientId, channel] of [
      [hotline, '12345'],
      [other, undefined],
    ] as const) {
      const created = await request(identity.url)
        .post('/admin/clients')
        .set('authorization', `Bearer ${admin.body.access_token as string}`)
        .send({
          clientId,
          name: channel ? '12345政务服务便民热线' : '兰山区人民法院',
          ...(channel ? { channel } : {}),
          agreement: { purpose: '转接测试', topics: [] },
        })
        .expect(201);
      const token = await request(identity.url)
        .post('/token')
        .type('form')
        .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: created.body.clientSecret })
        .expect(200);
      tokens[clientId] = token.body.access_token as string;
      await kafkaAdmin
        .createTopics({ topics: [{ topic: prefixedTopic(tag, partnerFeedTopic(clientId)), numPartitions: 3 }] })
        .catch(() => undefined);
    }
    const dlq = `${prefixedTopic(tag, TOPICS.partnerNotice.name)}.dlq`;
    await kafkaAdmin.createTopics({ topics: [{ topic: dlq, numPartitions: 3 }] }).catch(() => undefined);
    await kafkaAdmin.disconnect();
    feed = await EventCollector.start(kafka, [prefixedTopic(tag, partnerFeedTopic(hotline))]);
    otherFeed = await EventCollector.start(kafka, [prefixedTopic(tag, partnerFeedTopic(other))]);
    deadLetters = await EventCollector.start(kafka, [dlq]);
    notices = await EventCollector.start(kafka, [prefixedTopic(tag, TOPICS.partnerNotice.name)]);
    coverage = await EventCollector.start(kafka, [prefixedTopic(tag, TOPICS.partnerClients.name)]);
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect().catch(() => undefined);
    for (const c of [feed, otherFeed, deadLetters, notices, coverage]) await c?.stop().catch(() => undefined);
    await identity?.stop();
  });

  it('a 12345 transfer by event is received on the feed once per reference, the same transfer as over REST', async () => {
    const reference = `12345-ev-${randomUUID().slice(0, 8)}`;
    const data = {
      reference,
      consent: consent(),
      matter: { ...matter(), callerName: '赵六', callerPhone: '13912345678' },
      partnerToken: tokens[hotline],
    };
    const first = await produce(data);
    await produce(data); // the partner's retry: a new event, the same reference and matter
    await waitUntil(() => feedOf(feed, reference).length >= 1 || undefined, 60_000, 'received on the 12345 feed');
    const rows = await waitUntil(
      async () => {
        const found = await db.getRepository(PartnerTransfer).find({ where: { clientId: hotline, reference } });
        return found.length === 1 ? found : undefined;
      },
      30_000,
      'the transfer recorded',
    );
    expect(rows[0]?.direction).toBe('in');
    // REST sees the same transfer (one mechanism): same id, idempotent on the reference.
    const rest = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', `Bearer ${tokens[hotline]}`)
      .send({ reference, consent: data.consent, matter: data.matter })
      .expect(202);
    expect(rest.body.transferId).toBe(rows[0]?.id);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(feedOf(feed, reference).map((d) => d.stage)).toEqual(['received']);
    expect(await db.getRepository(PartnerTransfer).countBy({ clientId: hotline, reference })).toBe(1);
    // The caller's contact and the token travel sealed on the shared topic every partner may write.
    const [raw] = await notices.waitFor((r) => r.headers.ce_id === first.id, 1, 30_000);
    for (const secret of ['13912345678', '赵六', tokens[hotline] as string])
      expect(raw?.value ?? '').not.toContain(secret);
    expect((raw?.event?.data as Request).matter.callerPhone).toBe('13912345678');
  });

  it('publishes the coverage of 12345 clients only, for work-order to refuse a transfer out nobody covers', async () => {
    const [published] = await coverage.waitFor((r) => r.event?.subject === hotline, 1, 30_000);
    expect(published?.event?.data).toMatchObject({ clientId: hotline, channel: '12345', active: true });
    expect((published?.event?.data as Record<string, unknown>).regionCode).toBeUndefined();
    expect(coverage.records.some((r) => r.event?.subject === other)).toBe(false);
  });

  it('without the caller’s consent nothing is recorded and the feed says why', async () => {
    const reference = `12345-nc-${randomUUID().slice(0, 8)}`;
    await produce({
      reference,
      consent: { ...consent(), given: false },
      matter: matter(),
      partnerToken: tokens[hotline],
    });
    const [refused] = await waitUntil(
      () => {
        const items = feedOf(feed, reference);
        return items.length > 0 ? items : undefined;
      },
      60_000,
      'the refusal on the feed',
    );
    expect(refused?.stage).toBe('refused');
    expect((refused?.reasons as string[]).join()).toContain('consent-required');
    expect(await db.getRepository(PartnerTransfer).countBy({ clientId: hotline, reference })).toBe(0);
  });

  it('another partner cannot transfer in the 12345 client’s name: its own token, a forged one, an invalid record are dead-lettered', async () => {
    const stranger = await TestAuthority.create();
    const forged = await stranger.token({ sub: hotline, roles: ['partner'], clientId: hotline });
    const refs = [0, 1, 2].map((i) => `12345-x${i}-${randomUUID().slice(0, 8)}`);
    const sent = [
      // The other partner writes the shared topic with its own (valid) token: the transfer would be its own, and it is no 12345 client.
      await produce({ reference: refs[0], consent: consent(), matter: matter(), partnerToken: tokens[other] }),
      // ... or with a token it made itself claiming to be the 12345 client.
      await produce({ reference: refs[1], consent: consent(), matter: matter(), partnerToken: forged }),
      // ... or names the 12345 client in the record: not a field of the contract, the record is invalid.
      await produce({
        reference: refs[2],
        clientId: hotline,
        consent: consent(),
        matter: matter(),
        partnerToken: tokens[other],
      }),
    ];
    const letters = await deadLetters.waitFor((r) => sent.some((e) => e.id === r.headers.ce_id), 3, 60_000);
    const errorOf = (id: string): string =>
      letters.find((l) => l.headers.ce_id === id)?.headers[DLQ_HEADERS.error] ?? '';
    expect(errorOf(sent[0]!.id)).toContain('Only the 12345 hotline’s partner client may transfer matters');
    expect(errorOf(sent[1]!.id)).toContain('partnerToken is not a valid access token');
    expect(errorOf(sent[2]!.id)).toMatch(/clientId/);
    for (const reference of refs) {
      expect(await db.getRepository(PartnerTransfer).countBy({ reference })).toBe(0);
      expect(feedOf(feed, reference)).toEqual([]);
    }
    // Tokens travel sealed, in the dead letters too.
    expect(letters.map((l) => l.value ?? '').join()).not.toContain(tokens[other]);
  });
});
