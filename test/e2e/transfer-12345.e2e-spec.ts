/**
 * 12345 ⇄ 12348 transfer, end to end on the real stack (PostgreSQL, Redis, Kafka): identity (partner
 * gateway, where the 12345 partner client transfers), work-order (router) and legal-aid (the handler,
 * accepting offers automatically). The 12345 partner reads its own feed topic with a plain kafkajs
 * consumer, as the 12345 platform would.
 */
import { partnerFeedTopic, prefixedTopic } from '@legal/contracts';
import { createKafka } from '@legal/messaging';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import type { Consumer, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PartnerTransfer } from '../../services/identity/src/partner-transfers/entities/partner-transfer.entity';
import { RunningIdentity, startIdentity } from '../../services/identity/test/start-identity';
import { DEV_STAFF_PASSWORD } from '../../services/identity/src/seed/dev-accounts';
import { legalAidService } from '../../services/legal-aid/src/legal-aid.definition';
import { workOrderService } from '../../services/work-order/src/work-order.definition';

jest.setTimeout(240_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const SLOW = 90_000;

interface FeedItem {
  key: string;
  type: string;
  data: Record<string, unknown>;
}

describe('12345 transfers a matter to 12348 and reads its outcome on its own feed (identity + work-order + legal-aid)', () => {
  const tag = uniqueTag('e2e12345');
  const clientId = `hotline-12345-${randomUUID().slice(0, 6)}`;
  const feed: FeedItem[] = [];
  const running: RunningService[] = [];
  let auth: TestAuthority;
  let identity: RunningIdentity;
  let legalAid: RunningService;
  let kafka: Kafka;
  let reader: Consumer;
  let partner: string;
  let officer: string;
  let agent: string;
  let workOrder: RunningService;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    identity = await startIdentity(tag);
    workOrder = await startService(workOrderService, isolatedOverrides(tag, 'work_order', auth.env));
    running.push(workOrder);
    legalAid = await startService(
      legalAidService,
      isolatedOverrides(tag, 'legal_aid', { ...auth.env, AUTO_ACCEPT_OFFERS: true }),
    );
    running.push(legalAid);
    officer = await auth.bearer({
      sub: 'officer-12345',
      roles: ['legal-aid-officer'],
      org: 'org-371324-legal-aid',
      region: '371324',
    });
    agent = await auth.bearer({
      sub: 'agent-12348',
      roles: ['hotline-agent'],
      org: 'org-370000-hotline',
      region: '370000',
    });

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
    expect(created.body.channel).toBe('12345');
    const token = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: created.body.clientSecret })
      .expect(200);
    partner = `Bearer ${token.body.access_token as string}`;

    kafka = createKafka({ brokers: BROKERS, clientId: `reader-${tag}`, topicPrefix: tag, partitions: 3 });
    const topic = prefixedTopic(tag, partnerFeedTopic(clientId));
    const admin2 = kafka.admin();
    await admin2.connect();
    await admin2.createTopics({ topics: [{ topic, numPartitions: 3 }] }).catch(() => undefined);
    await admin2.disconnect();
    reader = kafka.consumer({ groupId: `${topic}.reader` });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const type = String(message.headers?.['ce_type'] ?? '');
        feed.push({
          key: message.key?.toString('utf8') ?? '',
          type,
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

  const stagesOf = (transferId: string): FeedItem[] => feed.filter((f) => f.key === transferId);

  it('acknowledges at once, registers it with a case code, and tells 12345 each status until the outcome; a repeat is the same transfer', async () => {
    const body = {
      reference: `12345-20261204-${randomUUID().slice(0, 6)}`,
      consent: { given: true, obtainedAt: new Date().toISOString(), method: 'recorded-call' },
      matter: {
        description: '农民工在工地干了半年活，老板拖欠工资三万元不给',
        regionCode: '371324101',
        serviceType: 'legal-aid',
        callerName: '王五',
        callerPhone: '13912340000',
        vulnerableGroup: true,
      },
    };
    const refused = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', partner)
      .send({ ...body, consent: undefined })
      .expect(422);
    expect(refused.body.code).toBe('consent-required');
    await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', partner)
      .send({ ...body, consent: { ...body.consent, given: false } })
      .expect(422);

    const accepted = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', partner)
      .send(body)
      .expect(202);
    expect(accepted.body).toMatchObject({
      reference: body.reference,
      direction: 'in',
      stage: 'received',
      transferId: expect.any(String),
    });
    const transferId = accepted.body.transferId as string;
    const again = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', partner)
      .send(body)
      .expect(202);
    expect(again.body.transferId).toBe(transferId);
    const reused = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', partner)
      .send({ ...body, matter: { ...body.matter, description: '另一件事' } })
      .expect(409);
    expect(reused.body.code).toBe('transfer-reference-reused');

    const registered = await waitUntil(
      () => stagesOf(transferId).find((f) => f.data.stage === 'registered'),
      SLOW,
      'the case code on the 12345 feed',
    );
    const caseCode = registered.data.caseCode as string;
    expect(caseCode).toMatch(/^371324/);
    expect(stagesOf(transferId)[0]?.data).toMatchObject({
      stage: 'received',
      reference: body.reference,
      direction: 'in',
    });
    expect(registered.type).toBe('legal.partner.transfer-update.v1');
    const status = await request(identity.url)
      .get(`/partner/transfers/${body.reference}`)
      .set('authorization', partner)
      .expect(200);
    expect(status.body).toMatchObject({ transferId, caseCode, stage: 'registered' });

    // The legal-aid centre accepted the offer; its officer decides, which resolves the work order.
    const application = await waitUntil(
      async () => {
        const res = await request(legalAid.url)
          .get('/applications')
          .query({ pageSize: 100 })
          .set('authorization', officer);
        return res.status === 200
          ? (res.body.items as Record<string, unknown>[]).find((a) => a.caseCode === caseCode)
          : undefined;
      },
      SLOW,
      'the legal-aid application of the transferred matter',
    );
    await request(legalAid.url)
      .post(`/applications/${application.id as string}/hardship-review`)
      .set('authorization', officer)
      .send({ exemptCategoryCode: 'migrant-worker-wages', integrityCommitment: false, notes: '欠薪' })
      .expect(201);
    await request(legalAid.url)
      .post(`/applications/${application.id as string}/decision`)
      .set('authorization', officer)
      .send({ decision: 'deny', reason: '案件已由劳动监察部门处理完毕，无需法律援助' })
      .expect(200);

    const outcome = await waitUntil(
      () => stagesOf(transferId).find((f) => f.data.stage === 'status' && f.data.status === 'resolved'),
      SLOW,
      'the outcome on the 12345 feed',
    );
    expect(outcome.data).toMatchObject({
      caseCode,
      reference: body.reference,
      statusText: expect.stringContaining('已办结'),
    });
    const statuses = stagesOf(transferId)
      .filter((f) => f.data.stage === 'status')
      .map((f) => f.data.status);
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(statuses).toContain('accepted');
    expect(JSON.stringify(stagesOf(transferId))).not.toMatch(/13912340000|王五/);
  });

  it('refuses a partner client that is not the 12345 hotline’s', async () => {
    const admin = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD })
      .expect(200);
    const court = `court-${randomUUID().slice(0, 6)}`;
    const created = await request(identity.url)
      .post('/admin/clients')
      .set('authorization', `Bearer ${admin.body.access_token as string}`)
      .send({ clientId: court, name: '法院', agreement: { purpose: 'x', topics: [] } })
      .expect(201);
    const token = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: court, client_secret: created.body.clientSecret })
      .expect(200);
    const res = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', `Bearer ${token.body.access_token as string}`)
      .send({
        reference: 'r-1',
        consent: { given: true, obtainedAt: new Date().toISOString(), method: 'written' },
        matter: { description: '咨询', regionCode: '371324' },
      })
      .expect(403);
    expect(res.body.code).toBe('not-a-12345-client');
  });

  it('transfers a matter that belongs to 12345 back out: its work order closes as transferred, and 12345 reads it on its feed', async () => {
    const body = {
      reference: `12345-20261204-${randomUUID().slice(0, 6)}`,
      consent: { given: true, obtainedAt: new Date().toISOString(), method: 'recorded-call' },
      matter: {
        description: '小区冬季供暖温度不达标，物业和热力公司互相推诿',
        regionCode: '371324',
        serviceType: 'legal-consultation',
      },
    };
    const accepted = await request(identity.url)
      .post('/partner/transfers')
      .set('authorization', partner)
      .send(body)
      .expect(202);
    const registered = await waitUntil(
      () => stagesOf(accepted.body.transferId as string).find((f) => f.data.stage === 'registered'),
      SLOW,
      'the case code',
    );
    const caseCode = registered.data.caseCode as string;
    const summary = '供暖质量投诉，属住建部门和热力公司职责，请12345派单办理';
    // A second 12345 client, scoped to Jinan (370100), must not hear of a Linyi (371324) matter.
    const admin = await request(identity.url)
      .post('/token')
      .type('form')
      .send({ grant_type: 'password', username: 'dev-admin', password: DEV_STAFF_PASSWORD })
      .expect(200);
    const jinan = `hotline-12345-jn-${randomUUID().slice(0, 6)}`;
    await request(identity.url)
      .post('/admin/clients')
      .set('authorization', `Bearer ${admin.body.access_token as string}`)
      .send({
        clientId: jinan,
        name: '济南12345热线',
        channel: '12345',
        regionCode: '370100',
        agreement: { purpose: '12345与12348热线归并整合转接', topics: [] },
      })
      .expect(201);
    // Routed and offered (the hotline answers consultations): the agent finds it belongs to 12345.
    await waitUntil(
      async () => {
        const r = await request(workOrder.url).get(`/work-orders/${caseCode}`).set('authorization', agent);
        return r.body.status === 'offered' || undefined;
      },
      SLOW,
      'the work order offered',
    );
    await request(workOrder.url)
      .post(`/work-orders/${caseCode}/transfers/12345`)
      .set('authorization', agent)
      .send({ reason: '非法律服务事项', summary })
      .expect(200);
    const out = await waitUntil(
      () => feed.find((f) => f.data.direction === 'out' && f.data.caseCode === caseCode),
      SLOW,
      'the matter on the 12345 feed',
    );
    expect(out.type).toBe('legal.partner.transfer-update.v1');
    expect(out.data).toMatchObject({
      stage: 'transferred-out',
      reference: caseCode,
      status: 'closed',
      regionCode: '371324',
      summary: expect.stringContaining(summary),
    });
    const closed = await request(workOrder.url).get(`/work-orders/${caseCode}`).set('authorization', agent).expect(200);
    expect(closed.body.status).toBe('closed');
    const steps = (closed.body.timeline as { action: string }[]).map((e) => e.action);
    expect(steps.slice(-2)).toEqual(['sent-to-supervisor-queue', 'transferred-to-12345']);
    const transfers = identity.service.app.get(DataSource).getRepository(PartnerTransfer);
    expect(await transfers.countBy({ direction: 'out', caseCode })).toBe(1);
    expect(await transfers.countBy({ direction: 'out', clientId: jinan })).toBe(0);
    await request(workOrder.url)
      .post(`/work-orders/${caseCode}/transfers/12345`)
      .set('authorization', agent)
      .send({ reason: '非法律服务事项', summary })
      .expect(409);
    expect(feed.filter((f) => f.data.direction === 'out' && f.data.caseCode === caseCode)).toHaveLength(1);
  });
});
