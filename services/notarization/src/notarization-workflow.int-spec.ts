import { InfoReceived, NeedsInfo, OfferAccepted, Progressed, Resolved } from '@legal/contracts';
import { addWorkingDays } from '@legal/domain';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { NotarizationEnv } from './config/notarization.env';
import { notarizationService } from './notarization.definition';
import { DispatchData, WorkOrderRouterFixture } from '@legal/handler-kit';
import { notarizationOffer } from './testing/notarization-offer';

const DAY_MS = 24 * 3600_000;
const ID_CARD = { code: 'applicant-id-card', reference: '身份证' };

interface Application {
  id: string;
  status: string;
  clock: { status: string; dueAt?: string };
  materials: { code: string; provision: string; note?: string }[];
  notice?: { items: { code: string }[]; notice: string };
  certificateNumber?: string;
}

jest.setTimeout(60_000);

describe('notarization workflow (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('notwf');
  let auth: TestAuthority;
  let service: RunningService<NotarizationEnv>;
  let router: WorkOrderRouterFixture;
  let db: DataSource;
  let schema: string;
  let notary: string;
  let citizen: string;

  const post = (path: string, token: string, body: object = {}) =>
    request(service.url).post(path).set('authorization', token).send(body);

  const accept = async (
    overrides: Partial<DispatchData> = {},
    staff = notary,
  ): Promise<{ offer: DispatchData; application: Application }> => {
    const offer = router.offer(overrides);
    await router.dispatch(offer);
    await waitUntil(
      async () =>
        (await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', staff)).status === 200,
      30000,
      'offer recorded',
    );
    const res = await post(`/offers/${offer.offerId}/accept`, staff).expect(201);
    return { offer, application: res.body as Application };
  };

  /** An application with every item of `matter` handed in, taken up for review. */
  const reviewed = async (
    matterCode: string,
    materials: string[],
    overrides: Partial<DispatchData> = {},
    staff = notary,
  ): Promise<Application> => {
    const { application } = await accept(overrides, staff);
    await post(`/applications/${application.id}/submission`, staff, {
      matterCode,
      materials: materials.map((code) => ({ code })),
    }).expect(200);
    return (await post(`/applications/${application.id}/review`, staff).expect(200)).body as Application;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(notarizationService, isolatedOverrides(tag, 'notarization', auth.env));
    db = service.app.get(DataSource);
    schema = service.env.DB_SCHEMA;
    router = await WorkOrderRouterFixture.connect(tag, notarizationOffer);
    notary = await auth.bearer({ sub: 'notary-li', roles: ['notary'], org: 'org-371324-notary', region: '371324' });
    citizen = await auth.bearer({ sub: 'citizen-zhang', roles: ['citizen'], phone: '13812345678' });
  });

  afterAll(async () => {
    await router?.close();
    await service?.stop();
  });

  it('names both missing materials in ONE notice, pauses the clock, and resumes it with the due date shifted when they arrive', async () => {
    const { offer, application } = await accept();
    expect(application).toMatchObject({ status: 'awaiting-application', clock: { status: 'not-started' } });
    const submittedAt = new Date(Date.now() - 10 * DAY_MS);
    const submitted = await post(`/applications/${application.id}/submission`, citizen, {
      matterCode: 'kinship',
      materials: [ID_CARD, { code: 'household-register', reference: '户口簿' }],
      receivedAt: submittedAt.toISOString(),
    }).expect(200);
    const firstDue = addWorkingDays(submittedAt, 15).dueAt.toISOString();
    expect(submitted.body).toMatchObject({
      status: 'awaiting-materials',
      matterName: '亲属关系公证',
      feeFen: 8000,
      clock: { status: 'paused', dueAt: firstDue },
    });
    expect(submitted.body.notice.items).toEqual([
      { code: 'kinship-proof', label: '亲属关系证明（派出所或村/居委会出具）' },
      { code: 'relative-identity', label: '关系人身份证明或户籍注销证明' },
    ]);

    const [needsInfo] = await router.waitForReports(offer.workOrderId, NeedsInfo.type);
    expect(needsInfo?.data).toMatchObject({
      handler: 'notarization',
      handlerCaseId: application.id,
      pausesClock: true,
      missingItems: [
        { code: 'kinship-proof', label: '亲属关系证明（派出所或村/居委会出具）' },
        { code: 'relative-identity', label: '关系人身份证明或户籍注销证明' },
      ],
    });
    expect((needsInfo?.data as { notice: string }).notice).toContain('请一次性补齐');

    // One item arrives: nothing resumes yet, and no second notice.
    const arrivedAt = new Date(Date.now() - 60_000);
    const partial = await post(`/applications/${application.id}/materials`, citizen, {
      materials: [{ code: 'kinship-proof', reference: '派出所证明' }],
      receivedAt: arrivedAt.toISOString(),
    }).expect(200);
    expect(partial.body).toMatchObject({ status: 'awaiting-materials', clock: { status: 'paused' } });
    const complete = await post(`/applications/${application.id}/materials`, notary, {
      materials: [{ code: 'relative-identity' }],
      receivedAt: arrivedAt.toISOString(),
    }).expect(200);
    const shiftedDue = addWorkingDays(arrivedAt, 15).dueAt.toISOString();
    expect(shiftedDue > firstDue).toBe(true);
    expect(complete.body).toMatchObject({ status: 'accepted', clock: { status: 'running', dueAt: shiftedDue } });

    const [received] = await router.waitForReports(offer.workOrderId, InfoReceived.type);
    expect(received?.data).toMatchObject({
      handlerCaseId: application.id,
      receivedItems: ['kinship-proof', 'relative-identity'],
    });
    const progressed = await router.waitForReports(offer.workOrderId, Progressed.type, 2);
    expect(progressed.map((p) => (p.data as { step: string }).step)).toEqual([
      'application-accepted',
      'materials-complete',
    ]);
    expect((progressed[0]?.data as { deadlines: unknown[] }).deadlines).toEqual([
      {
        kind: 'notarization-certificate',
        dueAt: firstDue,
        rule: 'working-days',
        explanation: expect.stringContaining('15 working days'),
        status: 'running',
      },
    ]);
    expect((progressed[1]?.data as { deadlines: { dueAt: string; explanation: string }[] }).deadlines[0]).toMatchObject(
      { dueAt: shiftedDue, status: 'running' },
    );
    expect((progressed[1]?.data as { deadlines: { explanation: string }[] }).deadlines[0]?.explanation).toContain(
      'Paused',
    );

    await post(`/applications/${application.id}/review`, notary).expect(200);
    const issued = await post(`/applications/${application.id}/certificate`, notary, { copies: 2 }).expect(200);
    expect(issued.body.certificateNumber).toMatch(/^\(\d{4}\)鲁临沂证字第\d{6}号$/);
    expect(issued.body.clock.status).toBe('met');
    const [resolved] = await router.waitForReports(offer.workOrderId, Resolved.type);
    expect(resolved?.data).toMatchObject({ outcome: 'certificate-issued' });
    expect((resolved?.data as { summary: string }).summary).toContain(issued.body.certificateNumber);

    expect(
      router
        .reportsFor(offer.workOrderId)
        .map(
          (e) =>
            `${e.type.split('.')[2]}${(e.data as { step?: string }).step ? `:${(e.data as { step: string }).step}` : ''}`,
        ),
    ).toEqual([
      'offer-accepted',
      'progressed:application-accepted',
      'needs-info',
      'info-received',
      'progressed:materials-complete',
      'progressed:under-review',
      'resolved',
    ]);
    const mine = await request(service.url)
      .get(`/applications/${application.id}`)
      .set('authorization', citizen)
      .expect(200);
    expect(mine.body.applicant).toMatchObject({ name: '张三', phone: '13812345678' });
  });

  it('lets a signed commitment replace a proof the catalogue allows, but not one it does not', async () => {
    const { offer, application } = await accept();
    const res = await post(`/applications/${application.id}/submission`, citizen, {
      matterCode: 'no-criminal-record',
      materials: [ID_CARD],
      commitments: [
        { code: 'household-register', signatory: '张三' },
        { code: 'police-record-certificate', signatory: '张三' },
      ],
    }).expect(200);
    const body = res.body as Application;
    expect(body.materials.map((m) => [m.code, m.provision])).toEqual([
      ['applicant-id-card', 'document'],
      ['household-register', 'commitment'],
      ['police-record-certificate', 'missing'],
    ]);
    expect(body.materials[2]?.note).toBe('该项不适用告知承诺制，须提交证明材料');
    const [needsInfo] = await router.waitForReports(offer.workOrderId, NeedsInfo.type);
    expect((needsInfo?.data as { missingItems: { code: string }[] }).missingItems.map((i) => i.code)).toEqual([
      'police-record-certificate',
    ]);
    expect((needsInfo?.data as { notice: string }).notice).toContain('不适用告知承诺制');

    const again = await post(`/applications/${application.id}/materials`, citizen, {
      materials: [],
      commitments: [{ code: 'police-record-certificate', signatory: '张三' }],
    }).expect(200);
    expect(again.body.status).toBe('awaiting-materials');
    await post(`/applications/${application.id}/materials`, citizen, {
      materials: [{ code: 'police-record-certificate', reference: '兰公(刑)证字2026-55' }],
    }).expect(200);
    await router.waitForReports(offer.workOrderId, InfoReceived.type);
    expect(router.reportsFor(offer.workOrderId).filter((e) => e.type === NeedsInfo.type)).toHaveLength(1);
  });

  it('numbers certificates uniquely and in sequence per office and year, also when issued at the same moment', async () => {
    const first = await reviewed('degree', ['applicant-id-card', 'diploma', 'degree-certificate']);
    const second = await reviewed('degree', ['applicant-id-card', 'diploma', 'degree-certificate']);
    const third = await reviewed('degree', ['applicant-id-card', 'diploma', 'degree-certificate']);
    const [a, b] = await Promise.all(
      [first, second].map((app) => post(`/applications/${app.id}/certificate`, notary).expect(200)),
    );
    const c = await post(`/applications/${third.id}/certificate`, notary).expect(200);
    const serials = [a, b, c].map((r) => Number(/第(\d{6})号$/.exec(r.body.certificateNumber as string)?.[1]));
    expect(new Set(serials).size).toBe(3);
    const sorted = [...serials].sort((x, y) => x - y);
    expect(sorted).toEqual([sorted[0], (sorted[0] ?? 0) + 1, (sorted[0] ?? 0) + 2]);
    expect(serials[2]).toBe(sorted[2]);

    const jinanNotary = await auth.bearer({ roles: ['notary'], org: 'org-370102-notary', region: '370102' });
    const jinanOffice = {
      organisationId: 'org-370102-notary',
      organisationName: '山东省济南市历下公证处',
      organisationRegionCode: '370102',
      regionCode: '370102002',
    };
    const other = await reviewed(
      'degree',
      ['applicant-id-card', 'diploma', 'degree-certificate'],
      jinanOffice,
      jinanNotary,
    );
    const otherIssued = await request(service.url)
      .post(`/applications/${other.id}/certificate`)
      .set('authorization', jinanNotary)
      .send({})
      .expect(200);
    expect(otherIssued.body.certificateNumber).toMatch(/^\(\d{4}\)鲁济南证字第000001号$/);
  });

  it('answers illegal steps with 409 and refuses with a reason', async () => {
    const { offer, application } = await accept();
    const early = await post(`/applications/${application.id}/certificate`, notary).expect(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.body).toMatchObject({ status: 409, code: 'illegal-step', applicationStatus: 'awaiting-application' });
    await post(`/applications/${application.id}/review`, notary).expect(409);
    await post(`/applications/${application.id}/materials`, citizen, { materials: [{ code: 'kinship-proof' }] }).expect(
      409,
    );
    await post(`/applications/${application.id}/submission`, citizen, {
      matterCode: 'kinship',
      materials: [ID_CARD],
    }).expect(200);
    await post(`/applications/${application.id}/submission`, citizen, {
      matterCode: 'kinship',
      materials: [ID_CARD],
    }).expect(409);
    await post(`/applications/${application.id}/review`, notary).expect(409);
    const refused = await post(`/applications/${application.id}/refusal`, notary, {
      reason: '申请人提供的亲属关系证明与户籍档案不符',
    }).expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', clock: { status: 'cancelled' } });
    const [resolved] = await router.waitForReports(offer.workOrderId, Resolved.type);
    expect(resolved?.data).toMatchObject({
      outcome: 'refused',
      summary: expect.stringContaining('申请人提供的亲属关系证明与户籍档案不符'),
    });
    await post(`/applications/${application.id}/certificate`, notary).expect(409);
    await post(`/applications/${application.id}/refusal`, notary, { reason: '再次拒绝' }).expect(409);
  });

  it('answers bad input with 400 naming each field and writes nothing', async () => {
    const { application } = await accept();
    const bad = await post(`/applications/${application.id}/submission`, citizen, {
      matterCode: 'kinship',
      materials: [ID_CARD, { code: 'passport' }, ID_CARD],
      commitments: [{ code: 'diploma', signatory: '张三' }],
      receivedAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
    }).expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'commitments[0].code',
      'materials[1].code',
      'materials[2].code',
      'receivedAt',
    ]);
    const unknown = await post(`/applications/${application.id}/submission`, citizen, {
      matterCode: 'spaceship',
      materials: [],
    }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'matterCode' })]);
    const malformed = await post(`/applications/${application.id}/submission`, citizen, {
      materials: [{ code: 'X Y' }],
      commitments: [{ code: 'kinship-proof' }],
      receivedAt: 'yesterday',
      extra: 1,
    }).expect(400);
    expect((malformed.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'commitments[0].signatory',
      'extra',
      'materials[0].code',
      'matterCode',
      'receivedAt',
    ]);
    await post('/applications/not-a-uuid/submission', citizen, { matterCode: 'kinship', materials: [] }).expect(400);
    const [row] = (await db.query(
      `SELECT a.status, (SELECT count(*)::int FROM "${schema}".application_material m WHERE m.application_id = a.id) AS materials,
              (SELECT count(*)::int FROM "${schema}".outbox_message o WHERE o.partition_key = a.work_order_id::text) AS events
       FROM "${schema}".application a WHERE a.id = $1`,
      [application.id],
    )) as { status: string; materials: number; events: number }[];
    expect(row).toEqual({ status: 'awaiting-application', materials: 0, events: 1 });
  });

  it('refuses the wrong role (403), another citizen (403), and keeps the catalogue public but admin-edited', async () => {
    const { application } = await accept();
    const mediator = await auth.bearer({ roles: ['mediator'], region: '371324' });
    await request(service.url).get(`/applications/${application.id}`).set('authorization', mediator).expect(403);
    await post(`/applications/${application.id}/review`, citizen).expect(403);
    const stranger = await auth.bearer({ roles: ['citizen'], phone: '13900001111' });
    const notMine = await post(`/applications/${application.id}/submission`, stranger, {
      matterCode: 'kinship',
      materials: [ID_CARD],
    }).expect(403);
    expect(notMine.body.code).toBe('not-your-application');
    const jinan = await auth.bearer({ roles: ['notary'], region: '370102' });
    expect(
      (await request(service.url).get(`/applications/${application.id}`).set('authorization', jinan).expect(403)).body
        .code,
    ).toBe('out-of-jurisdiction');

    const catalogue = await request(service.url).get('/matters').expect(200);
    expect(catalogue.body.items.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining([
        'birth',
        'kinship',
        'degree',
        'no-criminal-record',
        'power-of-attorney',
        'inheritance',
        'contract',
      ]),
    );
    const matter = {
      code: 'household-registration',
      nameZh: '户籍登记公证',
      nameEn: 'Household registration',
      feeFen: 8000,
      materials: [
        { code: 'applicant-id-card', label: '申请人居民身份证', commitmentAllowed: false },
        { code: 'household-register', label: '户口簿', commitmentAllowed: true },
      ],
    };
    await post('/matters', notary, matter).expect(403);
    const admin = await auth.bearer({ roles: ['admin'] });
    await post('/matters', admin, matter).expect(201);
    await post('/matters', admin, matter).expect(409);
    const dup = await post('/matters', admin, {
      ...matter,
      code: 'dup-test',
      materials: [...matter.materials, matter.materials[0]],
    }).expect(400);
    expect(dup.body.errors).toEqual([expect.objectContaining({ field: 'materials[2].code' })]);
    const got = await request(service.url).get('/matters/household-registration').expect(200);
    expect(got.body).toMatchObject({
      nameZh: '户籍登记公证',
      feeYuan: '80.00',
      materials: [{ code: 'applicant-id-card' }, { code: 'household-register', commitmentAllowed: true }],
    });
    const changed = await request(service.url)
      .put('/matters/household-registration')
      .set('authorization', admin)
      .send({ ...matter, code: undefined, feeFen: 10000 })
      .expect(200);
    expect(changed.body.feeYuan).toBe('100.00');
  });

  it('gives a redelivered offer no second effect and refuses to accept a withdrawn or expired one', async () => {
    const offer = router.offer();
    const event = await router.dispatch(offer);
    await router.send(event);
    await waitUntil(
      async () =>
        (await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', notary)).status === 200,
      30000,
      'offer recorded',
    );
    await post(`/offers/${offer.offerId}/accept`, notary).expect(201);
    await router.send(event);
    const barrier = router.offer({ workOrderId: offer.workOrderId });
    await router.dispatch(barrier);
    await waitUntil(
      async () =>
        (await request(service.url).get(`/offers/${barrier.offerId}`).set('authorization', notary)).status === 200,
      30000,
      'barrier recorded',
    );
    const list = await request(service.url)
      .get(`/applications?workOrderId=${offer.workOrderId}`)
      .set('authorization', notary)
      .expect(200);
    expect(list.body.total).toBe(1);
    await post(`/offers/${offer.offerId}/accept`, notary).expect(409);
    await router.waitForReports(offer.workOrderId, OfferAccepted.type);
    expect(router.reportsFor(offer.workOrderId).filter((e) => e.type === OfferAccepted.type)).toHaveLength(1);

    const withdrawn = router.offer();
    await router.dispatch(withdrawn);
    await router.withdraw(withdrawn, 'cancelled');
    await waitUntil(
      async () =>
        (await request(service.url).get(`/offers/${withdrawn.offerId}`).set('authorization', notary)).body?.status ===
        'withdrawn',
      30000,
      'offer withdrawn',
    );
    expect((await post(`/offers/${withdrawn.offerId}/accept`, notary).expect(409)).body.code).toBe('offer-withdrawn');
    const expired = router.offer({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await router.dispatch(expired);
    await waitUntil(
      async () =>
        (await request(service.url).get(`/offers/${expired.offerId}`).set('authorization', notary)).status === 200,
      30000,
      'expired offer recorded',
    );
    expect((await post(`/offers/${expired.offerId}/accept`, notary).expect(409)).body.code).toBe('offer-expired');
  });
});
