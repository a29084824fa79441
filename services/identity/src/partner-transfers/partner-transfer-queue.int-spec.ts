/**
 * Statuses of a 12345 transfer's work order that reach identity before the intake's registration (the
 * two travel on different topics) are queued and told on the 12345 feed, in order, once the case code is
 * known. Real identity, real broker: the test plays work-order's part with the stream fixture, writing the
 * work order's changes first and its registration last; the 12345 partner reads its feed with kafkajs.
 */
import { IntakeRegistered, partnerFeedTopic, prefixedTopic } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { createKafka } from '@legal/messaging';
import { uniqueTag, waitUntil, WorkOrderScript, WorkOrderStreamFixture } from '@legal/testing';
import type { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningIdentity, startIdentity } from '../../test/start-identity';
import { DEV_STAFF_PASSWORD } from '../seed/dev-accounts';
import { PendingTransferStatus } from './entities/pending-transfer-status.entity';

jest.setTimeout(120_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

interface FeedItem {
  key: string;
  data: Record<string, unknown>;
}

describe('12345 transfer statuses that arrive before the case code (identity, real broker)', () => {
  const tag = uniqueTag('xferq');
  const clientId = `hotline-12345-${randomUUID().slice(0, 6)}`;
  const feed: FeedItem[] = [];
  let identity: RunningIdentity;
  let stream: WorkOrderStreamFixture;
  let reader: Consumer;
  let partner: string;

  beforeAll(async () => {
    identity = await startIdentity(tag);
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    const admin = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD })
      .expect(200);
    const created = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', `Bearer ${admin.body.access_token as string}`)
      .send({
        clientId,
        name: '12345政务服务便民热线',
        channel: '12345',
        agreement: { purpose: '12345与12348热线归并整合转接', topics: [] },
      })
      .expect(201);
    const token = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: created.body.clientSecret })
      .expect(200);
    partner = `Bearer ${token.body.access_token as string}`;

    const kafka = createKafka({ brokers: BROKERS, clientId: `reader-${tag}`, topicPrefix: tag, partitions: 3 });
    const topic = prefixedTopic(tag, partnerFeedTopic(clientId));
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    await kafkaAdmin.createTopics({ topics: [{ topic, numPartitions: 3 }] }).catch(() => undefined);
    await kafkaAdmin.disconnect();
    reader = kafka.consumer({ groupId: `${topic}.reader` });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        feed.push({
          key: message.key?.toString('utf8') ?? '',
          data: JSON.parse(message.value?.toString('utf8') ?? '{}') as Record<string, unknown>,
        });
      },
    });
  });

  afterAll(async () => {
    await reader?.disconnect().catch(() => undefined);
    await stream?.close().catch(() => undefined);
    await identity?.stop();
  });

  it('queues received, offered and accepted until the registration, then tells them after it, in timeline order', async () => {
    const reference = `12345-q-${randomUUID().slice(0, 8)}`;
    const accepted = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', partner)
      .send({
        reference,
        consent: { given: true, obtainedAt: new Date().toISOString(), method: 'recorded-call' },
        matter: { description: '工地拖欠工资两万元，老板一直不给', regionCode: '371324101', serviceType: 'legal-aid' },
      })
      .expect(202);
    const transferId = accepted.body.transferId as string;

    const script = new WorkOrderScript({
      citizen: { phoneLast4: '0000', displayName: '王*' },
      originPlatform: '12345',
      platforms: ['12345'],
    });
    await stream.changed(script.next('received', {}, 'received', 'system'));
    await stream.changed(script.next('offered', { organisationName: '兰陵县法律援助中心' }, 'offered', 'system'));
    await stream.changed(script.next('accepted', {}, 'offer-accepted'));

    const dataSource = identity.service.app.get(DataSource);
    const queued = await waitUntil(
      async () => {
        const rows = await dataSource
          .getRepository(PendingTransferStatus)
          .find({ where: { workOrderId: script.workOrderId }, order: { seq: 'ASC' } });
        return rows.length === 3 ? rows : undefined;
      },
      60_000,
      'the three early statuses queued',
    );
    expect(queued.map((r) => r.status)).toEqual(['received', 'offered', 'accepted']);
    expect(feed.filter((f) => f.key === transferId).map((f) => f.data.stage)).toEqual(['received']);

    const registered: EventData<typeof IntakeRegistered> = {
      intakeId: transferId,
      platform: '12345',
      workOrderId: script.workOrderId,
      caseCode: script.caseCode,
      outcome: 'created',
      possiblyRelatedCaseCodes: [],
    };
    await stream.registered(registered);

    const told = await waitUntil(
      () => {
        const items = feed.filter((f) => f.key === transferId);
        return items.length >= 5 ? items : undefined;
      },
      60_000,
      'the registration and the queued statuses on the 12345 feed',
    );
    expect(told.map((f) => f.data.stage)).toEqual(['received', 'registered', 'status', 'status', 'status']);
    expect(told.slice(2).map((f) => f.data.status)).toEqual(['received', 'offered', 'accepted']);
    expect(told.slice(1).every((f) => f.data.caseCode === script.caseCode)).toBe(true);
    expect(told[3]?.data.organisationName).toBe('兰陵县法律援助中心');
    expect(await dataSource.getRepository(PendingTransferStatus).countBy({ workOrderId: script.workOrderId })).toBe(0);

    // A later status, now that the case code is known, goes straight to the feed.
    await stream.changed(script.next('resolved', {}, 'decided'));
    await waitUntil(
      () => feed.filter((f) => f.key === transferId).length >= 6 || undefined,
      60_000,
      'the resolved status',
    );
    expect(
      feed
        .filter((f) => f.key === transferId)
        .map((f) => f.data.status)
        .slice(-1),
    ).toEqual(['resolved']);
  });
});
