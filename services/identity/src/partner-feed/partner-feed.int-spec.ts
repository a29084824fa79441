import { DeadlineOverdue, partnerFeedTopic, prefixedTopic } from '@legal/contracts';
import { createKafka, partnerAcls, partnerPrincipalName, toAclEntry, userPrincipal } from '@legal/messaging';
import { uniqueTag, waitUntil, WorkOrderScript, WorkOrderStreamFixture } from '@legal/testing';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Consumer,
  Kafka,
  ResourcePatternTypes,
} from 'kafkajs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RunningIdentity, startIdentity } from '../../test/start-identity';
import { DEV_STAFF_PASSWORD } from '../seed/dev-accounts';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** One record of a partner's feed as the partner sees it: a plain kafkajs consumer, nothing of ours decoding it. */
interface FeedRecord {
  key: string;
  headers: Record<string, string>;
  data: Record<string, unknown>;
  raw: string;
}

/** Reads one partner's feed topic from the beginning with a plain kafkajs consumer. */
class PartnerFeedReader {
  readonly records: FeedRecord[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topic: string): Promise<PartnerFeedReader> {
    const consumer = kafka.consumer({ groupId: `${topic}.reader-${randomUUID().slice(0, 8)}` });
    const reader = new PartnerFeedReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {}))
          headers[name] = String(Array.isArray(value) ? value[0] : value);
        const raw = message.value?.toString('utf8') ?? '';
        reader.records.push({
          key: message.key?.toString('utf8') ?? '',
          headers,
          data: JSON.parse(raw) as Record<string, unknown>,
          raw,
        });
      },
    });
    return reader;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

describe('partner gateway (per-partner feeds enforcing the agreement)', () => {
  const tag = uniqueTag('pfeed');
  let identity: RunningIdentity;
  let admin: string;
  let stream: WorkOrderStreamFixture;
  let kafka: Kafka;
  const readers: PartnerFeedReader[] = [];

  const court = 'court-a';
  const police = 'police-b';
  const feedOf = (clientId: string): string => prefixedTopic(tag, partnerFeedTopic(clientId));

  beforeAll(async () => {
    identity = await startIdentity(tag);
    const res = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD })
      .expect(200);
    admin = `Bearer ${res.body.access_token}`;
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    kafka = createKafka({ brokers: BROKERS, clientId: `partner-reader-${tag}`, topicPrefix: tag, partitions: 3 });
  });

  afterAll(async () => {
    for (const reader of readers) await reader.stop().catch(() => undefined);
    await stream?.close();
    const kafkaAdmin = kafka?.admin();
    if (kafkaAdmin) {
      await kafkaAdmin.connect();
      await kafkaAdmin.deleteTopics({ topics: [feedOf(court), feedOf(police)] }).catch(() => undefined);
      await kafkaAdmin.disconnect();
    }
    await identity?.stop();
  });

  async function reader(clientId: string): Promise<PartnerFeedReader> {
    const r = await PartnerFeedReader.start(kafka, feedOf(clientId));
    readers.push(r);
    return r;
  }

  /** A work order's items on a feed, in order (one key, one partition). */
  async function itemsOf(r: PartnerFeedReader, workOrderId: string, count: number): Promise<FeedRecord[]> {
    await waitUntil(
      () => r.records.filter((x) => x.key === workOrderId).length >= count,
      30000,
      `${count} feed item(s) of ${workOrderId}`,
    );
    return r.records.filter((x) => x.key === workOrderId);
  }

  async function highWatermark(topic: string): Promise<number> {
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    try {
      return (await kafkaAdmin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    } finally {
      await kafkaAdmin.disconnect();
    }
  }

  /** The partner principal's ACLs on the broker (SCRAM + StandardAuthorizer, as deploy/local/kafka.sh runs it). */
  async function aclsOf(clientId: string): Promise<string[]> {
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    try {
      const described = await kafkaAdmin.describeAcls({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        principal: userPrincipal(partnerPrincipalName(clientId)),
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      });
      return described.resources
        .flatMap((r) => r.acls.map((a) => `${r.resourceName}:${r.resourcePatternType}:${a.operation}`))
        .sort();
    } finally {
      await kafkaAdmin.disconnect();
    }
  }

  it('refuses agreements naming fields the contract does not share, naming each one (problem+json 400)', async () => {
    const res = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', admin)
      .send({
        clientId: 'greedy-agency',
        name: 'Greedy',
        agreement: {
          purpose: 'x',
          topics: [
            { topic: 'legal.workorder.changed', fields: ['status', 'citizen', 'staffId'] },
            { topic: 'legal.intake.submitted', fields: ['applicant'] },
          ],
        },
      })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('validation-failed');
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'agreement.topics[0].fields[1]',
      'agreement.topics[0].fields[2]',
      'agreement.topics[1].topic',
    ]);
    expect(JSON.stringify(res.body.errors)).toContain('citizen');
    expect(JSON.stringify(res.body.errors)).toContain('staffId');
    await request(identity.url)
      .get('/admin/clients')
      .set('authorization', admin)
      .expect(200)
      .expect((r) => expect(JSON.stringify(r.body)).not.toContain('greedy-agency'));
  });

  it('feeds each partner exactly its agreed fields, scoped to its region; agreement changes and disabling apply from the next event', async () => {
    await request(identity.url)
      .post('/admin/clients')
      .set('authorization', admin)
      .send({
        clientId: court,
        name: 'Court A',
        agreement: {
          purpose: 'status of referred matters',
          topics: [{ topic: 'legal.workorder.changed', fields: ['workOrderId', 'caseCode', 'status'] }],
        },
      })
      .expect(201);
    await request(identity.url)
      .post('/admin/clients')
      .set('authorization', admin)
      .send({
        clientId: police,
        name: 'Police B (Linyi)',
        regionCode: '371300',
        agreement: {
          purpose: 'deadlines of notified-defence cases',
          topics: [
            { topic: 'legal.workorder.changed', fields: ['caseCode', 'regionCode', 'version'] },
            { topic: 'legal.workorder.deadline', fields: ['kind', 'dueAt'] },
          ],
        },
      })
      .expect(201);
    const courtFeed = await reader(court);
    const policeFeed = await reader(police);
    // Created: each partner principal may read its own feed topic (and nothing of the other's).
    const expectedAcls = (clientId: string): string[] =>
      partnerAcls(clientId, tag)
        .map(toAclEntry)
        .map((e) => `${e.resourceName}:${e.resourcePatternType}:${e.operation}`)
        .sort();
    expect(await aclsOf(court)).toEqual(expectedAcls(court));
    expect(await aclsOf(court)).toContain(`${feedOf(court)}:${ResourcePatternTypes.LITERAL}:${AclOperationTypes.READ}`);
    expect((await aclsOf(police)).some((acl) => acl.startsWith(`${feedOf(court)}:`))).toBe(false);

    const citizen = { phoneHash: 'a1'.repeat(32), phoneLast4: '4321', idCardHash: 'b2'.repeat(32), displayName: '张*' };
    // In Linyi (3713…): both partners. In Jinan (3701…): the court only.
    const linyi = new WorkOrderScript({ regionCode: '371324101', citizen });
    const jinan = new WorkOrderScript({ regionCode: '370102003', citizen });
    const sent1 = await stream.changed(linyi.next('received'));
    await stream.changed(jinan.next('received'));

    const [courtItem] = await itemsOf(courtFeed, linyi.workOrderId, 1);
    expect(Object.keys(courtItem.data).sort()).toEqual([
      'caseCode',
      'occurredAt',
      'sourceType',
      'status',
      'workOrderId',
    ]);
    expect(courtItem.data).toEqual({
      workOrderId: linyi.workOrderId,
      caseCode: linyi.caseCode,
      status: 'received',
      occurredAt: sent1.time,
      sourceType: 'legal.workorder.changed.v1',
    });
    expect(courtItem.key).toBe(linyi.workOrderId);
    expect(courtItem.headers).toMatchObject({
      ce_type: 'legal.partner.feed-item.v1',
      ce_specversion: '1.0',
      ce_subject: linyi.workOrderId,
      ce_source: '/legal/identity',
      ce_causationid: sent1.id,
      'content-type': 'application/json',
    });
    expect(courtItem.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
    for (const leak of ['phoneHash', 'idCardHash', 'a1a1', 'b2b2', '4321', 'citizen', 'phoneLast4'])
      expect(courtItem.raw).not.toContain(leak);
    await itemsOf(courtFeed, jinan.workOrderId, 1);

    const [policeItem] = await itemsOf(policeFeed, linyi.workOrderId, 1);
    expect(policeItem.data).toEqual({
      caseCode: linyi.caseCode,
      regionCode: '371324101',
      version: 1,
      occurredAt: sent1.time,
      sourceType: 'legal.workorder.changed.v1',
    });
    for (const leak of ['phoneHash', 'idCardHash', 'a1a1', 'b2b2', '4321', 'citizen'])
      expect(policeItem.raw).not.toContain(leak);

    // Deadline alerts carry no region: a region-bound partner does not get them (the court did not agree to them).
    const overdue = await stream.overdue({
      ...DeadlineOverdue.example,
      workOrderId: linyi.workOrderId,
      caseCode: linyi.caseCode,
      detectedAt: new Date().toISOString(),
    });
    // The next change of the Linyi work order is a barrier: the gateway handles it after the alert (other topic, so wait for both).
    await stream.changed(linyi.next('offered'));
    await itemsOf(policeFeed, linyi.workOrderId, 2);
    expect(policeFeed.records.some((r) => r.headers.ce_causationid === overdue.id)).toBe(false);
    // Neither feed holds the other partner's items; the Jinan work order never reached Linyi's police.
    expect(policeFeed.records.some((r) => r.key === jinan.workOrderId)).toBe(false);
    expect(policeFeed.records.every((r) => !('status' in r.data))).toBe(true);
    expect(courtFeed.records.every((r) => !('regionCode' in r.data))).toBe(true);
    const courtIds = new Set(courtFeed.records.map((r) => r.headers.ce_id));
    expect(policeFeed.records.some((r) => courtIds.has(r.headers.ce_id))).toBe(false);

    // A changed agreement changes the very next item.
    await request(identity.url)
      .patch(`/admin/clients/${court}`)
      .set('authorization', admin)
      .send({
        agreement: {
          purpose: 'status and service type',
          topics: [{ topic: 'legal.workorder.changed', fields: ['caseCode', 'serviceType'] }],
        },
      })
      .expect(200);
    await request(identity.url)
      .patch(`/admin/clients/${court}`)
      .set('authorization', admin)
      .send({
        agreement: {
          purpose: 'x',
          topics: [{ topic: 'legal.workorder.changed', fields: ['caseCode', 'complaintAgainstOrganisationId'] }],
        },
      })
      .expect(400)
      .expect((r) => expect(r.body.errors[0]).toMatchObject({ field: 'agreement.topics[0].fields[1]' }));
    const sent3 = await stream.changed(linyi.next('accepted'));
    const courtItems = await itemsOf(courtFeed, linyi.workOrderId, 3);
    expect(courtItems[2].data).toEqual({
      caseCode: linyi.caseCode,
      serviceType: 'legal-aid',
      occurredAt: sent3.time,
      sourceType: 'legal.workorder.changed.v1',
    });

    // Disabled: nothing more for the court (the police, still active, proves the event was handled), ACLs gone.
    const disabled = await request(identity.url)
      .patch(`/admin/clients/${court}`)
      .set('authorization', admin)
      .send({ disabled: true })
      .expect(200);
    expect(disabled.body.disabled).toBe(true);
    const before = await highWatermark(feedOf(court));
    await stream.changed(linyi.next('in-progress'));
    await itemsOf(policeFeed, linyi.workOrderId, 4);
    expect(await highWatermark(feedOf(court))).toBe(before);
    expect(courtFeed.records.filter((r) => r.key === linyi.workOrderId)).toHaveLength(3);
    expect(await aclsOf(court)).toEqual([]);
    expect(await aclsOf(police)).toEqual(expectedAcls(police));
    await request(identity.url)
      .post('/token')
      .send({ grant_type: 'client_credentials', client_id: court, client_secret: 'whatever' })
      .expect(401);

    // Enabled again: ACLs back, and the feed resumes with the next event (nothing of the disabled period is replayed).
    await request(identity.url)
      .patch(`/admin/clients/${court}`)
      .set('authorization', admin)
      .send({ disabled: false })
      .expect(200);
    expect(await aclsOf(court)).toEqual(expectedAcls(court));
    const sent5 = await stream.changed(linyi.next('resolved'));
    const resumed = await itemsOf(courtFeed, linyi.workOrderId, 4);
    expect(resumed[3].data).toEqual({
      caseCode: linyi.caseCode,
      serviceType: 'legal-aid',
      occurredAt: sent5.time,
      sourceType: 'legal.workorder.changed.v1',
    });
    await request(identity.url)
      .patch('/admin/clients/no-such-client')
      .set('authorization', admin)
      .send({ disabled: true })
      .expect(404);
  });
});
