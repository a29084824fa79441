/**
 * 12348 → 12345 with the caller's callback contact, on the real stack (PostgreSQL, Redis, Kafka): work-order seals
 * the caller's name and phone for identity (only with the caller's consent), identity opens it and seals it again for
 * the one covering 12345 client's own key on that client's feed. The 12345 client reads its feed with a plain kafkajs
 * consumer and opens the contact with its own private key (development keys: derived from the recipient name); no
 * other partner's feed carries it, and no topic of the run holds it in clear (every record's raw bytes scanned).
 */
import { partnerFeedTopic, prefixedTopic, REGISTERED_SERVICE_NAMES } from '@legal/contracts';
import { createKafka } from '@legal/messaging';
import { SealError, TransitSealer } from '@legal/privacy';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import type { Consumer, Kafka } from 'kafkajs';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEV_STAFF_PASSWORD } from '../../services/identity/src/seed/dev-accounts';
import { partnerSealingRecipient } from '../../services/identity/src/partner-transfers/partner-transfer.service';
import { RunningIdentity, startIdentity } from '../../services/identity/test/start-identity';
import { workOrderService } from '../../services/work-order/src/work-order.definition';

jest.setTimeout(240_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const SLOW = 90_000;

interface FeedItem {
  topic: string;
  key: string;
  type: string;
  data: Record<string, unknown>;
  raw?: string;
}

describe('a 12348 matter transferred out to 12345 carries the caller’s contact, sealed, to that 12345 client only', () => {
  const tag = uniqueTag('e2ecb');
  const suffix = randomUUID().slice(0, 6);
  const linyi = `hotline-12345-ly-${suffix}`;
  const jinan = `hotline-12345-jn-${suffix}`;
  const court = `court-cb-${suffix}`;
  const phone = `139${String(randomInt(10_000_000, 99_999_999))}`;
  const name = `郑${['晓', '明', '立', '华'][randomInt(0, 4)]}${['东', '南', '西', '北'][randomInt(0, 4)]}`;
  const feed: FeedItem[] = [];
  const running: RunningService[] = [];
  let identity: RunningIdentity;
  let workOrder: RunningService;
  let kafka: Kafka;
  let reader: Consumer;
  let agent: string;
  let admin: string;
  const partnerTokens = new Map<string, string>();

  const feedTopic = (clientId: string): string => prefixedTopic(tag, partnerFeedTopic(clientId));

  async function client(body: Record<string, unknown>): Promise<void> {
    const created = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', admin)
      .send(body)
      .expect(201);
    const token = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: body.clientId, client_secret: created.body.clientSecret })
      .expect(200);
    partnerTokens.set(body.clientId as string, `Bearer ${token.body.access_token as string}`);
  }

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    identity = await startIdentity(tag);
    workOrder = await startService(workOrderService, isolatedOverrides(tag, 'work_order', auth.env));
    running.push(workOrder);
    agent = await auth.bearer({
      sub: 'agent-12348',
      roles: ['hotline-agent'],
      org: 'org-370000-hotline',
      region: '370000',
    });
    const res = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD })
      .expect(200);
    admin = `Bearer ${res.body.access_token as string}`;
    const purpose = '12345与12348热线归并整合转接';
    await client({
      clientId: linyi,
      name: '临沂12345热线',
      channel: '12345',
      regionCode: '371300',
      agreement: { purpose, topics: [] },
    });
    await client({
      clientId: jinan,
      name: '济南12345热线',
      channel: '12345',
      regionCode: '370100',
      agreement: { purpose, topics: [] },
    });
    // A partner that follows every work order's lifecycle, timeline entries included.
    await client({
      clientId: court,
      name: '临沂中院',
      agreement: {
        purpose: '案件进展',
        topics: [{ topic: 'legal.workorder.changed', fields: ['workOrderId', 'caseCode', 'status', 'entry'] }],
      },
    });

    kafka = createKafka({ brokers: BROKERS, clientId: `reader-${tag}`, topicPrefix: tag, partitions: 3 });
    const topics = [linyi, jinan, court].map(feedTopic);
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    await kafkaAdmin
      .createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })) })
      .catch(() => undefined);
    await kafkaAdmin.disconnect();
    reader = kafka.consumer({ groupId: `${tag}.feeds-reader` });
    await reader.connect();
    await reader.subscribe({ topics, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ topic, message }) => {
        feed.push({
          topic,
          key: message.key?.toString('utf8') ?? '',
          type: String(message.headers?.['ce_type'] ?? ''),
          data: JSON.parse(message.value?.toString('utf8') ?? '{}') as Record<string, unknown>,
        });
      },
    });
  });

  afterAll(async () => {
    await reader?.disconnect().catch(() => undefined);
    for (const s of running.reverse()) await s.stop().catch(() => undefined);
    await identity?.stop();
  });

  /** A matter 12345 transferred in with the caller's contact, registered: its case code. */
  async function registeredMatter(description: string): Promise<string> {
    const accepted = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', partnerTokens.get(linyi)!)
      .send({
        reference: `12345-${randomUUID().slice(0, 12)}`,
        consent: { given: true, obtainedAt: new Date().toISOString(), method: 'recorded-call' },
        matter: {
          description,
          regionCode: '371324',
          serviceType: 'legal-consultation',
          callerName: name,
          callerPhone: phone,
        },
      })
      .expect(202);
    const registered = await waitUntil(
      () => feed.find((f) => f.key === accepted.body.transferId && f.data.stage === 'registered'),
      SLOW,
      'the case code on the 12345 feed',
    );
    return registered.data.caseCode as string;
  }

  /** Transfers out (once work-order has projected the Linyi client's coverage) and returns the feed item. */
  async function transferOut(caseCode: string, body: Record<string, unknown>): Promise<FeedItem> {
    await waitUntil(
      async () => {
        const res = await request(workOrder.url)
          .post(`/work-orders/${caseCode}/transfers/12345`)
          .set('authorization', agent)
          .send({ reason: '非法律服务事项', summary: '供暖不达标，属住建部门职责', ...body });
        if (res.status === 409 && res.body.code === 'no-12345-coverage') return undefined;
        expect(res.status).toBe(200);
        return true;
      },
      SLOW,
      'the transfer out accepted',
    );
    return waitUntil(
      () => feed.find((f) => f.data.direction === 'out' && f.data.caseCode === caseCode),
      SLOW,
      'the transferred-out matter on the 12345 feed',
    );
  }

  it('with consent: the covering 12345 client opens the caller’s name and phone with its own key; nobody else can', async () => {
    const caseCode = await registeredMatter('小区冬季供暖温度不达标，物业推诿，来电人希望有人回电');
    const out = await transferOut(caseCode, {
      callerConsent: { given: true, obtainedAt: new Date().toISOString(), method: 'recorded-call' },
    });
    expect(out.topic).toBe(feedTopic(linyi));
    expect(out.type).toBe('legal.partner.transfer-update.v1');
    expect(out.data).toMatchObject({ stage: 'transferred-out', reference: caseCode, status: 'closed' });
    expect(out.data.callbackWithheld).toBeUndefined();
    const jwe = out.data.callback as { recipients: { header: { kid: string } }[] };
    expect(jwe.recipients.map((r) => r.header.kid)).toEqual([`${partnerSealingRecipient(linyi)}/dev`]);
    const opened = await TransitSealer.development(partnerSealingRecipient(linyi)).open(jwe);
    expect(opened).toEqual({ name, phone });
    // Another 12345 client's key, and identity's own, do not open it.
    await expect(TransitSealer.development(partnerSealingRecipient(jinan)).open(jwe)).rejects.toThrow(SealError);
    await expect(TransitSealer.development('identity').open(jwe)).rejects.toThrow(SealError);
  });

  it('without consent: 12345 gets the matter and the reason, not the contact', async () => {
    const caseCode = await registeredMatter('楼上漏水物业不管，来电人不愿被回访');
    const out = await transferOut(caseCode, {
      callerConsent: { given: false, obtainedAt: new Date().toISOString(), method: 'recorded-call' },
    });
    expect(out.data).toMatchObject({ stage: 'transferred-out', callbackWithheld: 'caller-did-not-consent' });
    expect(out.data.callback).toBeUndefined();
  });

  it('refuses a malformed consent naming each bad field (400)', async () => {
    const caseCode = await registeredMatter('咨询社保缴纳基数问题');
    const res = await request(workOrder.url)
      .post(`/work-orders/${caseCode}/transfers/12345`)
      .set('authorization', agent)
      .send({ reason: '非法律服务事项', summary: '社保', callerConsent: { given: 'yes', method: 'telepathy' } })
      .expect(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['callerConsent.given', 'callerConsent.method', 'callerConsent.obtainedAt']);
  });

  it('is on no other partner’s feed, and no topic of the run holds the contact in clear', async () => {
    await waitUntil(
      () => feed.filter((f) => f.data.direction === 'out').length >= 2 || undefined,
      SLOW,
      'both transfers out on the feed',
    );
    expect(feed.filter((f) => f.topic === feedTopic(jinan) && f.data.direction === 'out')).toHaveLength(0);
    // The court follows these work orders (its items arrived) but never gets a callback.
    await waitUntil(() => feed.some((f) => f.topic === feedTopic(court)) || undefined, SLOW, 'the court’s feed items');
    expect(feed.filter((f) => f.topic !== feedTopic(linyi)).some((f) => 'callback' in f.data)).toBe(false);

    // Every record of every topic of this run, value and headers, as raw bytes.
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    const topics = (await kafkaAdmin.listTopics()).filter((t) => t.startsWith(`${tag}.`));
    let expected = 0;
    for (const topic of topics)
      for (const p of await kafkaAdmin.fetchTopicOffsets(topic)) expected += Number(p.high) - Number(p.low);
    await kafkaAdmin.disconnect();
    expect(topics).toEqual(expect.arrayContaining([feedTopic(linyi), `${tag}.legal.workorder.changed`]));
    const raw: Buffer[] = [];
    let scanned = 0;
    const scanner = kafka.consumer({ groupId: `${tag}.raw-scan` });
    await scanner.connect();
    await scanner.subscribe({ topics, fromBeginning: true });
    await scanner.run({
      eachMessage: async ({ message }) => {
        scanned++;
        raw.push(message.key ?? Buffer.alloc(0), message.value ?? Buffer.alloc(0));
        for (const value of Object.values(message.headers ?? {}))
          for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) raw.push(Buffer.from(v));
      },
    });
    try {
      await waitUntil(() => scanned >= expected || undefined, SLOW, `${expected} records scanned`);
    } finally {
      await scanner.disconnect();
    }
    const all = Buffer.concat(raw);
    expect(all.length).toBeGreaterThan(0);
    expect(all.includes(Buffer.from(phone))).toBe(false);
    expect(all.includes(Buffer.from(name, 'utf8'))).toBe(false);
    expect(all.includes(Buffer.from(caseCodeLike(feed)))).toBe(true);
  });
});

/** A case code that must be on the topics (proof that the scan read real records). */
function caseCodeLike(feed: FeedItem[]): string {
  return String(feed.find((f) => f.data.direction === 'out')?.data.caseCode ?? 'none');
}

describe('without a sealing key for the 12345 client, the contact is withheld, never sent in clear', () => {
  const tag = uniqueTag('e2ecbk');
  const clientId = `hotline-12345-nokey-${randomUUID().slice(0, 6)}`;
  const phone = `138${String(randomInt(10_000_000, 99_999_999))}`;
  const feed: FeedItem[] = [];
  let identity: RunningIdentity;
  let workOrder: RunningService;
  let reader: Consumer;

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    // A directory as an operator writes it: every service's key, no partner's.
    const directory = Object.fromEntries(
      REGISTERED_SERVICE_NAMES.map((service) => [service, TransitSealer.development(service).currentPublicEntry()]),
    );
    identity = await startIdentity(tag, { PII_TRANSIT_DIRECTORY: JSON.stringify(directory) });
    workOrder = await startService(workOrderService, isolatedOverrides(tag, 'work_order', auth.env));
    const admin = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD })
      .expect(200);
    const created = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', `Bearer ${admin.body.access_token as string}`)
      .send({ clientId, name: '12345热线', channel: '12345', agreement: { purpose: '转接', topics: [] } })
      .expect(201);
    const token = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: created.body.clientSecret })
      .expect(200);
    const kafka = createKafka({ brokers: BROKERS, clientId: `reader-${tag}`, topicPrefix: tag, partitions: 3 });
    const topic = prefixedTopic(tag, partnerFeedTopic(clientId));
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    await kafkaAdmin.createTopics({ topics: [{ topic, numPartitions: 3 }] }).catch(() => undefined);
    await kafkaAdmin.disconnect();
    reader = kafka.consumer({ groupId: `${tag}.feed-reader` });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        feed.push({
          topic,
          key: message.key?.toString('utf8') ?? '',
          type: String(message.headers?.['ce_type'] ?? ''),
          data: JSON.parse(message.value?.toString('utf8') ?? '{}') as Record<string, unknown>,
          raw: message.value?.toString('utf8') ?? '',
        });
      },
    });
    const accepted = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', `Bearer ${token.body.access_token as string}`)
      .send({
        reference: `12345-${randomUUID().slice(0, 12)}`,
        consent: { given: true, obtainedAt: new Date().toISOString(), method: 'recorded-call' },
        matter: {
          description: '物业费纠纷，来电人同意回访',
          regionCode: '371324',
          callerName: '钱七',
          callerPhone: phone,
        },
      })
      .expect(202);
    const registered = await waitUntil(
      () => feed.find((f) => f.key === accepted.body.transferId && f.data.stage === 'registered'),
      SLOW,
      'the case code',
    );
    const agent = await auth.bearer({
      sub: 'agent-x',
      roles: ['hotline-agent'],
      org: 'org-370000-hotline',
      region: '370000',
    });
    await waitUntil(
      async () => {
        const res = await request(workOrder.url)
          .post(`/work-orders/${registered.data.caseCode as string}/transfers/12345`)
          .set('authorization', agent)
          .send({
            reason: '非法律服务事项',
            summary: '物业费纠纷，属住建部门',
            callerConsent: { given: true, obtainedAt: new Date().toISOString(), method: 'recorded-call' },
          });
        return res.status === 200 || undefined;
      },
      SLOW,
      'the transfer out accepted',
    );
  });

  afterAll(async () => {
    await reader?.disconnect().catch(() => undefined);
    await workOrder?.stop().catch(() => undefined);
    await identity?.stop();
  });

  it('tells 12345 no-partner-key instead of the contact', async () => {
    const out = await waitUntil(
      () => feed.find((f) => f.data.direction === 'out'),
      SLOW,
      'the transferred-out matter on the feed',
    );
    expect(out.data).toMatchObject({ stage: 'transferred-out', callbackWithheld: 'no-partner-key' });
    expect(out.data.callback).toBeUndefined();
    expect(feed.map((f) => f.raw).join('\n')).not.toContain(phone);
  });
});
