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

// The integration project's testTimeout is not applied per project by Jest; start-up on a busy machine can exceed 5 s.
jest.setTimeout(120_000);

describe('hotline caller history (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('hhist');
  let auth: TestAuthority;
  let hotline: RunningService<HotlineEnv>;
  let stream: WorkOrderStreamFixture;
  let pii: PiiProtector;
  let agent: string;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    hotline = await startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env));
    pii = hotline.app.get(PiiProtector);
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    agent = await auth.bearer({ sub: 'agent-17', roles: ['hotline-agent'], region: '370000' });
  });

  afterAll(async () => {
    await stream?.close();
    await hotline?.stop();
  });

  it("shows a caller's requests from the portal and a centre with their current status, the hotline's own calls and the callbacks owed", async () => {
    const phone = '13866667777';
    const mine = { phoneHash: pii.hash(phone), phoneLast4: '7777', displayName: '王*' };
    const fromPortal = new WorkOrderScript({
      citizen: mine,
      originPlatform: 'portal',
      platforms: ['portal'],
      serviceType: 'legal-aid',
    });
    const atCentre = new WorkOrderScript({
      citizen: mine,
      originPlatform: 'centre',
      platforms: ['centre'],
      serviceType: 'mediation',
      regionCode: '371302001',
    });
    const someoneElse = new WorkOrderScript({ citizen: { phoneHash: pii.hash('13900009999'), phoneLast4: '9999' } });
    await stream.changed(fromPortal.next('received'));
    await stream.changed(
      fromPortal.next(
        'accepted',
        { organisationId: 'org-371324-legal-aid', organisationName: '兰陵县法律援助中心', handler: 'legal-aid' },
        'offer-accepted',
      ),
    );
    await stream.changed(
      atCentre.next(
        'waiting-applicant',
        { organisationId: 'org-371302-mediation', handler: 'mediation' },
        'needs-info',
      ),
    );
    await stream.changed(someoneElse.next('accepted'));
    const call = await request(hotline.url)
      .post('/calls')
      .set('authorization', agent)
      .send({
        callerPhone: phone,
        regionCode: '371324',
        description: '问法律援助进度',
        relatedCaseCode: fromPortal.caseCode,
        outcome: 'answered-on-spot',
        answerSummary: '已告知审查进度',
      })
      .expect(201);

    const history = await waitUntil(
      async () => {
        const res = await request(hotline.url)
          .post('/caller-history/search')
          .set('authorization', agent)
          .send({ phone: '138-6666-7777' })
          .expect(200);
        const body = res.body as {
          workOrders: { total: number; items: { version: number }[] };
          callbackTasks: unknown[];
        };
        const settled =
          body.workOrders.total === 2 &&
          body.workOrders.items.every((w) => w.version >= 1) &&
          body.callbackTasks.length === 1;
        const accepted = (res.body.workOrders.items as { caseCode: string; status: string }[]).some(
          (w) => w.caseCode === fromPortal.caseCode && w.status === 'accepted',
        );
        return settled && accepted ? res.body : undefined;
      },
      60000,
      'both work orders in the read model',
    );
    expect(history.phoneMasked).toBe('138****7777');
    const byCode = new Map((history.workOrders.items as { caseCode: string }[]).map((w) => [w.caseCode, w]));
    expect(byCode.get(fromPortal.caseCode)).toMatchObject({
      status: 'accepted',
      originPlatform: 'portal',
      organisationName: '兰陵县法律援助中心',
      timeline: [{ seq: 1 }, { seq: 2, action: 'offer-accepted' }],
    });
    expect(byCode.get(atCentre.caseCode)).toMatchObject({
      status: 'waiting-applicant',
      originPlatform: 'centre',
      serviceType: 'mediation',
    });
    expect(byCode.has(someoneElse.caseCode)).toBe(false);
    expect(history.calls).toMatchObject({
      total: 1,
      items: [{ id: call.body.id, outcome: 'answered-on-spot', callerPhoneMasked: '138****7777' }],
    });
    expect(history.callbackTasks).toEqual([
      expect.objectContaining({ workOrderId: atCentre.workOrderId, reason: 'needs-information', status: 'open' }),
    ]);
    expect(JSON.stringify(history)).not.toContain(phone);

    const byCall = await request(hotline.url)
      .get(`/caller-history/by-call/${call.body.id}`)
      .set('authorization', agent)
      .expect(200);
    expect(byCall.body).toMatchObject({ phoneMasked: '138****7777', workOrders: { total: 2 }, calls: { total: 1 } });
  });

  it('rejects a malformed number with 400 and is closed to other roles', async () => {
    const res = await request(hotline.url)
      .post('/caller-history/search')
      .set('authorization', agent)
      .send({ phone: '123' })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    const citizen = await auth.bearer({ roles: ['citizen'], phone: '13866667777' });
    await request(hotline.url)
      .post('/caller-history/search')
      .set('authorization', citizen)
      .send({ phone: '13866667777' })
      .expect(403);
  });
});
