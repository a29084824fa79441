import { OfferAccepted, Progressed, Resolved } from '@legal/contracts';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import type { MediationEnv } from './config/mediation.env';
import { mediationService } from './mediation.definition';
import { WorkOrderRouterFixture } from '@legal/handler-kit';

const parties = [
  { name: '张三', role: 'applicant' },
  { name: '李四', role: 'respondent' },
];

jest.setTimeout(60_000);

describe('mediation with automatic acceptance, across a restart (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('medrs');
  let auth: TestAuthority;
  let overrides: Record<string, unknown>;
  let service: RunningService<MediationEnv>;
  let router: WorkOrderRouterFixture;
  let mediator: string;

  const caseOf = (workOrderId: string): Promise<{ id: string; status: string }> =>
    waitUntil(
      async () => {
        const res = await request(service.url).get(`/cases?workOrderId=${workOrderId}`).set('authorization', mediator);
        return res.status === 200 && res.body.total === 1
          ? (res.body.items[0] as { id: string; status: string })
          : undefined;
      },
      30000,
      `case of work order ${workOrderId}`,
    );

  const steps = (workOrderId: string): string[] =>
    router
      .reportsFor(workOrderId)
      .map(
        (e) =>
          `${e.type.split('.')[2]}${(e.data as { step?: string }).step ? `:${(e.data as { step: string }).step}` : ''}`,
      );

  beforeAll(async () => {
    auth = await TestAuthority.create();
    overrides = isolatedOverrides(tag, 'mediation', { ...auth.env, AUTO_ACCEPT_OFFERS: true });
    service = await startService(mediationService, overrides);
    router = await WorkOrderRouterFixture.connect(tag);
    // The mediator works at the committee the router's offers go to: the kit lets only the offer's own
    // organisation decide it.
    mediator = await auth.bearer({
      sub: 'mediator-sun',
      roles: ['mediator'],
      org: 'org-371324101-mediation',
      region: '371324',
    });
  });

  afterAll(async () => {
    await router?.close();
    await service?.stop();
  });

  it('accepts by itself, and a restart in the middle neither loses nor repeats a step', async () => {
    const offer = router.offer({ regionCode: '371324101201', description: '婆媳之间因赡养老人发生矛盾' });
    const dispatched = await router.dispatch(offer);
    await router.waitForReports(offer.workOrderId, Progressed.type);
    const opened = await caseOf(offer.workOrderId);
    expect(opened.status).toBe('assigned');
    const session = await request(service.url)
      .post(`/cases/${opened.id}/sessions`)
      .set('authorization', mediator)
      .send({ scheduledAt: new Date(Date.now() + 86400_000).toISOString(), place: '大仲村调解室', parties })
      .expect(201);

    await service.stop();
    // While the service is down: the router redelivers the old offer and makes a new one.
    await router.send(dispatched);
    const whileDown = router.offer({ regionCode: '371324101201', description: '邻居之间因通道问题发生争执' });
    await router.dispatch(whileDown);

    service = await startService(mediationService, overrides);
    await router.waitForReports(whileDown.workOrderId, Progressed.type);
    await request(service.url)
      .post(`/cases/${opened.id}/sessions/${session.body.id}/held`)
      .set('authorization', mediator)
      .send({ attendees: parties, minutes: '双方各自让步' })
      .expect(200);
    await request(service.url)
      .post(`/cases/${opened.id}/agreement`)
      .set('authorization', mediator)
      .send({
        agreementText: '经调解，双方约定轮流赡养老人，每人每月负担生活费800元。',
        terms: [{ description: '每人每月负担生活费800元' }],
      })
      .expect(200);
    await router.waitForReports(offer.workOrderId, Resolved.type);

    expect(steps(offer.workOrderId)).toEqual([
      'offer-accepted',
      'progressed:committee-assigned',
      'progressed:session-scheduled',
      'progressed:session-held',
      'resolved',
    ]);
    expect(steps(whileDown.workOrderId)).toEqual(['offer-accepted', 'progressed:committee-assigned']);
    expect(router.reportsFor(offer.workOrderId)[0]?.data).toMatchObject({ actorId: 'system', offerId: offer.offerId });
    const list = await request(service.url)
      .get(`/cases?workOrderId=${offer.workOrderId}`)
      .set('authorization', mediator)
      .expect(200);
    expect(list.body.total).toBe(1);
  });

  it('leaves an offer for staff when every mediator of the committee is fully loaded', async () => {
    const admin = await auth.bearer({ roles: ['admin'] });
    const committees = await request(service.url).get('/committees?regionCode=371324101203').expect(200);
    const committeeId = committees.body.items[0].id as string;
    const mediators = await request(service.url)
      .get(`/committees/${committeeId}/mediators`)
      .set('authorization', admin)
      .expect(200);
    await request(service.url)
      .patch(`/mediators/${mediators.body.items[0].id}`)
      .set('authorization', admin)
      .send({ maxOpenCases: 1 })
      .expect(200);

    const first = router.offer({ regionCode: '371324101203' });
    await router.dispatch(first);
    await router.waitForReports(first.workOrderId, OfferAccepted.type);
    const second = router.offer({ regionCode: '371324101203' });
    await router.dispatch(second);
    const open = await waitUntil(
      async () => {
        const res = await request(service.url).get(`/offers/${second.offerId}`).set('authorization', mediator);
        return res.status === 200 ? (res.body as { status: string }) : undefined;
      },
      30000,
      'second offer recorded',
    );
    expect(open.status).toBe('open');
    expect(router.reportsFor(second.workOrderId)).toEqual([]);
    const accepted = await request(service.url)
      .post(`/offers/${second.offerId}/accept`)
      .set('authorization', mediator)
      .send({})
      .expect(201);
    expect(accepted.body.mediatorReason).toContain('every mediator is at capacity');
    await router.waitForReports(second.workOrderId, OfferAccepted.type);
  });
});
