import { InfoReceived, NeedsInfo, OfferAccepted, Resolved } from '@legal/contracts';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import type { NotarizationEnv } from './config/notarization.env';
import { notarizationService } from './notarization.definition';
import { WorkOrderRouterFixture } from '@legal/handler-kit';
import { notarizationOffer } from './testing/notarization-offer';

jest.setTimeout(60_000);

describe('notarization with automatic acceptance, across a restart (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('notrs');
  let auth: TestAuthority;
  let overrides: Record<string, unknown>;
  let service: RunningService<NotarizationEnv>;
  let router: WorkOrderRouterFixture;
  let notary: string;
  let citizen: string;

  const applicationOf = (workOrderId: string): Promise<{ id: string; status: string }> =>
    waitUntil(
      async () => {
        const res = await request(service.url)
          .get(`/applications?workOrderId=${workOrderId}`)
          .set('authorization', notary);
        return res.status === 200 && res.body.total === 1
          ? (res.body.items[0] as { id: string; status: string })
          : undefined;
      },
      30000,
      `application of work order ${workOrderId}`,
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
    overrides = isolatedOverrides(tag, 'notarization', { ...auth.env, AUTO_ACCEPT_OFFERS: true });
    service = await startService(notarizationService, overrides);
    router = await WorkOrderRouterFixture.connect(tag, notarizationOffer);
    // The notary works at the office the router's offers go to: the kit lets only the offer's own
    // organisation decide it.
    notary = await auth.bearer({ sub: 'notary-wang', roles: ['notary'], org: 'org-371324-notary', region: '371324' });
    citizen = await auth.bearer({ sub: 'citizen-zhang', roles: ['citizen'], phone: '13812345678' });
  });

  afterAll(async () => {
    await router?.close();
    await service?.stop();
  });

  it('accepts by itself, and a restart while waiting for materials neither loses nor repeats a step', async () => {
    const offer = router.offer();
    const dispatched = await router.dispatch(offer);
    await router.waitForReports(offer.workOrderId, OfferAccepted.type);
    const application = await applicationOf(offer.workOrderId);
    await request(service.url)
      .post(`/applications/${application.id}/submission`)
      .set('authorization', citizen)
      .send({ matterCode: 'birth', materials: [{ code: 'applicant-id-card' }, { code: 'household-register' }] })
      .expect(200);

    await service.stop();
    await router.send(dispatched);
    const whileDown = router.offer();
    await router.dispatch(whileDown);
    service = await startService(notarizationService, overrides);

    await router.waitForReports(whileDown.workOrderId, OfferAccepted.type);
    await request(service.url)
      .post(`/applications/${application.id}/materials`)
      .set('authorization', citizen)
      .send({
        materials: [{ code: 'birth-medical-certificate' }],
        commitments: [{ code: 'parents-identity', signatory: '张三' }],
      })
      .expect(200);
    await request(service.url)
      .post(`/applications/${application.id}/review`)
      .set('authorization', notary)
      .send({})
      .expect(200);
    await request(service.url)
      .post(`/applications/${application.id}/certificate`)
      .set('authorization', notary)
      .send({})
      .expect(200);
    await router.waitForReports(offer.workOrderId, Resolved.type);

    expect(steps(offer.workOrderId)).toEqual([
      'offer-accepted',
      'progressed:application-accepted',
      'needs-info',
      'info-received',
      'progressed:materials-complete',
      'progressed:under-review',
      'resolved',
    ]);
    const [needsInfo] = router.reportsFor(offer.workOrderId).filter((e) => e.type === NeedsInfo.type);
    expect((needsInfo?.data as { missingItems: { code: string }[] }).missingItems.map((i) => i.code)).toEqual([
      'birth-medical-certificate',
      'parents-identity',
    ]);
    expect(router.reportsFor(offer.workOrderId).filter((e) => e.type === InfoReceived.type)).toHaveLength(1);
    expect(steps(whileDown.workOrderId)).toEqual(['offer-accepted']);
  });

  it('leaves an offer for staff when the office is at capacity', async () => {
    const admin = await auth.bearer({ roles: ['admin'] });
    const offices = await request(service.url).get('/offices').set('authorization', admin).expect(200);
    const office = (offices.body.items as { organisationId: string; openApplications: number }[]).find(
      (o) => o.organisationId === 'org-371324-notary',
    );
    expect(office).toBeDefined();
    await request(service.url)
      .put('/offices/org-371324-notary')
      .set('authorization', admin)
      .send({
        name: '山东省兰陵县公证处',
        regionCode: '371324',
        certificatePrefix: '鲁临沂兰陵',
        maxOpenApplications: office?.openApplications ?? 1,
      })
      .expect(200);
    const offer = router.offer();
    await router.dispatch(offer);
    const recorded = await waitUntil(
      async () => {
        const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', notary);
        return res.status === 200 ? (res.body as { status: string }) : undefined;
      },
      30000,
      'offer recorded',
    );
    expect(recorded.status).toBe('open');
    const accepted = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', notary)
      .send({})
      .expect(201);
    expect(accepted.body.status).toBe('awaiting-application');
    await request(service.url)
      .post(`/applications/${accepted.body.id}/submission`)
      .set('authorization', notary)
      .send({
        matterCode: 'degree',
        materials: [{ code: 'applicant-id-card' }, { code: 'diploma' }, { code: 'degree-certificate' }],
      })
      .expect(200);
    await request(service.url)
      .post(`/applications/${accepted.body.id}/review`)
      .set('authorization', notary)
      .send({})
      .expect(200);
    const issued = await request(service.url)
      .post(`/applications/${accepted.body.id}/certificate`)
      .set('authorization', notary)
      .send({})
      .expect(200);
    expect(issued.body.certificateNumber).toMatch(/^\(\d{4}\)鲁临沂兰陵证字第000002号$/);
  });
});
