import { PiiProtector } from '@legal/privacy';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import {
  isolatedOverrides,
  TestAuthority,
  uniqueTag,
  waitUntil,
  WorkOrderScript,
  WorkOrderStreamFixture,
} from '@legal/testing';
import request from 'supertest';
import type { HotlineEnv } from '../config/hotline.env';
import { hotlineService } from '../hotline.definition';

const BROKERS = ['127.0.0.1:9092'];

jest.setTimeout(120_000);

interface History {
  workOrders: { total: number; items: { caseCode: string; timeline: { note?: string }[] }[] };
  calls: { total: number; items: { id: string }[] };
  callbackTasks: { id: string; caseCode: string }[];
}

/**
 * Issue 13: the hotline ignored jurisdiction — a city supervisor searched the province's caller history
 * with its notes. Every hotline read now follows the token's region (province 37, city 3713, county
 * 371324): lists are filtered, single records outside it answer 403 out-of-jurisdiction.
 */
describe('hotline reads follow the caller’s jurisdiction (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('hjur');
  const phone = '13855554444';
  let auth: TestAuthority;
  let hotline: RunningService<HotlineEnv>;
  let stream: WorkOrderStreamFixture;
  let pii: PiiProtector;
  let linyi: WorkOrderScript;
  let jinan: WorkOrderScript;
  let linyiCallId: string;
  let jinanCallId: string;
  const tokens: Record<string, string> = {};

  const search = async (who: string): Promise<History> =>
    (
      await request(hotline.url)
        .post('/caller-history/search')
        .set('authorization', tokens[who] as string)
        .send({ phone })
        .expect(200)
    ).body as History;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    hotline = await startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env));
    pii = hotline.app.get(PiiProtector);
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    tokens.province = await auth.bearer({
      sub: 'sup-province',
      roles: ['supervisor'],
      org: 'org-370000-justice-department',
      region: '370000',
    });
    tokens.linyiSupervisor = await auth.bearer({
      sub: 'sup-linyi',
      roles: ['supervisor'],
      org: 'org-371300-justice-bureau',
      region: '371300',
    });
    tokens.linyiAgent = await auth.bearer({
      sub: 'agent-linyi',
      roles: ['hotline-agent'],
      org: 'org-371300-hotline',
      region: '371300',
    });
    tokens.jinanAgent = await auth.bearer({
      sub: 'agent-jinan',
      roles: ['hotline-agent'],
      org: 'org-370100-hotline',
      region: '370100',
    });
    tokens.lanlingAgent = await auth.bearer({
      sub: 'agent-lanling',
      roles: ['hotline-agent'],
      org: 'org-371324-hotline',
      region: '371324',
    });
    tokens.noRegion = await auth.bearer({ sub: 'sup-nowhere', roles: ['supervisor'], org: 'org-x' });

    const citizen = { phoneHash: pii.hash(phone), phoneLast4: '4444', displayName: '赵*' };
    linyi = new WorkOrderScript({ citizen, regionCode: '371324101' });
    jinan = new WorkOrderScript({ citizen, regionCode: '370102001' });
    for (const script of [linyi, jinan]) {
      await stream.changed(script.next('accepted'));
      const waiting = script.next('waiting-applicant', {}, 'needs-info');
      waiting.entry.note = `请补充材料 ${script.caseCode}`;
      await stream.changed(waiting);
    }
    const call = async (who: string, regionCode: string): Promise<string> =>
      (
        (
          await request(hotline.url)
            .post('/calls')
            .set('authorization', tokens[who] as string)
            .send({
              callerPhone: phone,
              regionCode,
              description: '问进度',
              outcome: 'answered-on-spot',
              answerSummary: '已告知',
            })
            .expect(201)
        ).body as { id: string }
      ).id;
    linyiCallId = await call('linyiAgent', '371324');
    jinanCallId = await call('jinanAgent', '370102');
    await waitUntil(
      async () => {
        const h = await search('province');
        return (
          h.workOrders.total === 2 &&
          h.callbackTasks.length === 2 &&
          h.workOrders.items.every((w) => w.timeline.length === 2)
        );
      },
      60000,
      'both work orders and their callback tasks in the read model',
    );
  });

  afterAll(async () => {
    await stream?.close();
    await hotline?.stop();
  });

  it('caller history: a city supervisor sees only the city’s work orders, notes, calls and callbacks; the province sees all', async () => {
    const city = await search('linyiSupervisor');
    expect(city.workOrders).toMatchObject({ total: 1, items: [{ caseCode: linyi.caseCode }] });
    expect(city.calls).toMatchObject({ total: 1, items: [{ id: linyiCallId }] });
    expect(city.callbackTasks.map((t) => t.caseCode)).toEqual([linyi.caseCode]);
    expect(JSON.stringify(city)).not.toContain(jinan.caseCode);
    expect(JSON.stringify(city)).not.toContain(jinanCallId);

    const county = await search('lanlingAgent');
    expect(county.workOrders.total).toBe(1);
    expect(county.calls.total).toBe(1);

    const province = await search('province');
    expect(province.workOrders.total).toBe(2);
    expect(province.calls.total).toBe(2);
    expect(province.callbackTasks).toHaveLength(2);

    const nowhere = await search('noRegion');
    expect(nowhere).toMatchObject({ workOrders: { total: 0 }, calls: { total: 0 }, callbackTasks: [] });
  });

  it('caller history by call and GET /calls/{id}: 403 out-of-jurisdiction for another city’s call; the agent who took it still sees it', async () => {
    const byCall = await request(hotline.url)
      .get(`/caller-history/by-call/${jinanCallId}`)
      .set('authorization', tokens.linyiSupervisor as string)
      .expect(403);
    expect(byCall.headers['content-type']).toContain('application/problem+json');
    expect(byCall.body).toMatchObject({ code: 'out-of-jurisdiction', status: 403 });
    await request(hotline.url)
      .get(`/calls/${jinanCallId}`)
      .set('authorization', tokens.linyiAgent as string)
      .expect(403);
    await request(hotline.url)
      .get(`/calls/${jinanCallId}`)
      .set('authorization', tokens.jinanAgent as string)
      .expect(200);
    await request(hotline.url)
      .get(`/calls/${linyiCallId}`)
      .set('authorization', tokens.linyiSupervisor as string)
      .expect(200);
    const own = await request(hotline.url)
      .get(`/caller-history/by-call/${jinanCallId}`)
      .set('authorization', tokens.jinanAgent as string)
      .expect(200);
    expect((own.body as History).workOrders).toMatchObject({ total: 1, items: [{ caseCode: jinan.caseCode }] });

    const listed = await request(hotline.url)
      .get('/calls')
      .set('authorization', tokens.linyiSupervisor as string)
      .expect(200);
    expect((listed.body as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([linyiCallId]);
    const none = await request(hotline.url)
      .get('/calls')
      .set('authorization', tokens.noRegion as string)
      .expect(200);
    expect(none.body.total).toBe(0);
  });

  it('callbacks: the queue holds only the jurisdiction’s tasks; another city’s task cannot be read, claimed or completed', async () => {
    const province = await search('province');
    const jinanTask = province.callbackTasks.find((t) => t.caseCode === jinan.caseCode) as { id: string };
    const queue = await request(hotline.url)
      .get('/callbacks')
      .set('authorization', tokens.linyiAgent as string)
      .expect(200);
    expect((queue.body as { items: { caseCode: string }[] }).items.map((t) => t.caseCode)).toEqual([linyi.caseCode]);
    const read = await request(hotline.url)
      .get(`/callbacks/${jinanTask.id}`)
      .set('authorization', tokens.linyiSupervisor as string)
      .expect(403);
    expect(read.body.code).toBe('out-of-jurisdiction');
    await request(hotline.url)
      .post(`/callbacks/${jinanTask.id}/claim`)
      .set('authorization', tokens.linyiAgent as string)
      .expect(403);
    await request(hotline.url)
      .post(`/callbacks/${jinanTask.id}/complete`)
      .set('authorization', tokens.linyiSupervisor as string)
      .send({ outcome: 'no-answer' })
      .expect(403);
    await request(hotline.url)
      .get(`/callbacks/${jinanTask.id}`)
      .set('authorization', tokens.jinanAgent as string)
      .expect(200);
  });

  it('callbacks raised before the read model knows the work order belong to the case code’s county', async () => {
    const unseen = new WorkOrderScript({
      citizen: { phoneHash: pii.hash('13900001111'), phoneLast4: '1111' },
      regionCode: '370102001',
    });
    await stream.overdue({
      workOrderId: unseen.workOrderId,
      caseCode: unseen.caseCode,
      kind: 'legal-aid-decision',
      dueAt: new Date(Date.now() - 60000).toISOString(),
      detectedAt: new Date().toISOString(),
    });
    const queued = await waitUntil(
      async () => {
        const res = await request(hotline.url)
          .get('/callbacks')
          .query({ caseCode: unseen.caseCode })
          .set('authorization', tokens.jinanAgent as string)
          .expect(200);
        return (res.body as { items: { id: string }[] }).items[0];
      },
      60000,
      'the overdue callback',
    );
    const linyiView = await request(hotline.url)
      .get('/callbacks')
      .query({ caseCode: unseen.caseCode })
      .set('authorization', tokens.linyiAgent as string)
      .expect(200);
    expect(linyiView.body.total).toBe(0);
    await request(hotline.url)
      .get(`/callbacks/${queued.id}`)
      .set('authorization', tokens.linyiAgent as string)
      .expect(403);
  });

  it('phone evaluations: another city’s work order is refused before anything else (403), its own city gets the usual answer', async () => {
    const refused = await request(hotline.url)
      .post('/evaluations')
      .set('authorization', tokens.linyiAgent as string)
      .send({ caseCode: jinan.caseCode, score: 5 })
      .expect(403);
    expect(refused.body.code).toBe('out-of-jurisdiction');
    const own = await request(hotline.url)
      .post('/evaluations')
      .set('authorization', tokens.jinanAgent as string)
      .send({ caseCode: jinan.caseCode, score: 5 })
      .expect(409);
    expect(own.body.code).toBe('work-order-not-resolved');
  });
});
