import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { LegalAidEnv } from '../config/legal-aid.env';
import { HardshipReview } from '../hardship/entities/hardship-review.entity';
import { legalAidService } from '../legal-aid.definition';
import { PartnerEventsFixture } from '../testing/partner-events.fixture';

jest.setTimeout(90_000);

type FieldErrors = { field: string; codes: string[] }[];
const fields = (body: { errors?: FieldErrors }): string[] => (body.errors ?? []).map((e) => e.field).sort();

describe('legal-aid REST rules: validation (400), illegal steps (409), roles and jurisdiction (403)', () => {
  const tag = uniqueTag('larest');
  let auth: TestAuthority;
  let service: RunningService<LegalAidEnv>;
  let partners: PartnerEventsFixture;
  let db: DataSource;
  let officer: string;
  let applicationId: string;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(
      legalAidService,
      isolatedOverrides(tag, 'legalaid', { ...auth.env, AUTO_ACCEPT_OFFERS: true, AUTO_APPOINT_LAWYERS: false }),
    );
    db = service.app.get(DataSource);
    partners = await PartnerEventsFixture.connect(tag);
    officer = await auth.bearer({
      sub: 'officer-he',
      roles: ['legal-aid-officer'],
      org: 'org-371324-legal-aid',
      region: '371324',
    });
    const offer = partners.offer({ description: '交通事故赔偿纠纷' });
    await partners.dispatch(offer);
    applicationId = await waitUntil(
      async () => {
        const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', officer);
        return res.status === 200 && typeof res.body.applicationId === 'string'
          ? (res.body.applicationId as string)
          : undefined;
      },
      30000,
      'offer accepted automatically',
    );
  });

  afterAll(async () => {
    await partners?.close();
    await service?.stop();
  });

  it('answers 400 naming every bad field and writes nothing', async () => {
    const typed = await request(service.url)
      .post(`/applications/${applicationId}/hardship-review`)
      .set('authorization', officer)
      .send({
        householdSize: 0,
        householdMonthlyIncome: -5,
        integrityCommitment: 'yes',
        matterTags: ['Labour!'],
        surprise: true,
      })
      .expect(400);
    expect(typed.headers['content-type']).toContain('application/problem+json');
    expect(fields(typed.body)).toEqual([
      'householdMonthlyIncome',
      'householdSize',
      'integrityCommitment',
      'matterTags',
      'surprise',
    ]);

    const missing = await request(service.url)
      .post(`/applications/${applicationId}/hardship-review`)
      .set('authorization', officer)
      .send({ integrityCommitment: false })
      .expect(400);
    expect(fields(missing.body)).toEqual(['householdMonthlyIncome', 'householdSize', 'integrityCommitment']);
    const unknown = await request(service.url)
      .post(`/applications/${applicationId}/hardship-review`)
      .set('authorization', officer)
      .send({ exemptCategoryCode: 'lottery-winner', integrityCommitment: true })
      .expect(400);
    expect(fields(unknown.body)).toEqual(['exemptCategoryCode']);
    expect(await db.getRepository(HardshipReview).countBy({ applicationId })).toBe(0);

    expect(
      fields(
        (await request(service.url).get('/applications/not-a-uuid').set('authorization', officer).expect(400)).body,
      ),
    ).toEqual(['id']);
    expect(
      fields(
        (
          await request(service.url)
            .get('/applications?pageSize=500&state=lost')
            .set('authorization', officer)
            .expect(400)
        ).body,
      ),
    ).toEqual(['pageSize', 'state']);
    const decision = await request(service.url)
      .post(`/applications/${applicationId}/decision`)
      .set('authorization', officer)
      .send({ decision: 'maybe' })
      .expect(400);
    expect(fields(decision.body)).toEqual(['decision', 'reason']);
  });

  it('answers 409 for steps out of order: decide before review, appoint before grant, override without a review, decide twice', async () => {
    const decideEarly = await request(service.url)
      .post(`/applications/${applicationId}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '同意' })
      .expect(409);
    expect(decideEarly.body).toMatchObject({ code: 'review-required', status: 409, state: 'received' });
    expect(
      (
        await request(service.url)
          .post(`/applications/${applicationId}/appointment`)
          .set('authorization', officer)
          .send({})
          .expect(409)
      ).body.code,
    ).toBe('appointment-before-grant');
    expect(
      (
        await request(service.url)
          .post(`/applications/${applicationId}/hardship-review/override`)
          .set('authorization', officer)
          .send({ result: 'eligible', reason: '家庭突发重大变故' })
          .expect(409)
      ).body.code,
    ).toBe('review-required');

    await request(service.url)
      .post(`/applications/${applicationId}/hardship-review`)
      .set('authorization', officer)
      .send({ householdSize: 4, householdMonthlyIncome: 10000, integrityCommitment: true })
      .expect(201);
    expect(
      (
        await request(service.url)
          .post(`/applications/${applicationId}/hardship-review`)
          .set('authorization', officer)
          .send({ householdSize: 4, householdMonthlyIncome: 1000, integrityCommitment: true })
          .expect(409)
      ).body.code,
    ).toBe('already-reviewed');
    // The province default applies (no city or county threshold configured): 2500 > 1800.
    const noReason = await request(service.url)
      .post(`/applications/${applicationId}/hardship-review/override`)
      .set('authorization', officer)
      .send({ result: 'eligible' })
      .expect(400);
    expect(fields(noReason.body)).toEqual(['reason']);
    const overridden = await request(service.url)
      .post(`/applications/${applicationId}/hardship-review/override`)
      .set('authorization', officer)
      .send({ result: 'eligible', reason: '家庭成员重病，医疗支出巨大' })
      .expect(200);
    expect(overridden.body).toMatchObject({
      computedResult: 'ineligible',
      overrideResult: 'eligible',
      finalResult: 'eligible',
      thresholdSource: 'province',
      snapshot: { overrides: [{ previousResult: 'ineligible', by: 'officer-he' }] },
    });

    await request(service.url)
      .post(`/applications/${applicationId}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '经济困难（经审查调整）' })
      .expect(200);
    expect(
      (
        await request(service.url)
          .post(`/applications/${applicationId}/decision`)
          .set('authorization', officer)
          .send({ decision: 'deny', reason: '再次决定' })
          .expect(409)
      ).body.code,
    ).toBe('already-decided');
    // Nobody on the roster: a manual appointment is refused, the application stays granted.
    expect(
      (
        await request(service.url)
          .post(`/applications/${applicationId}/appointment`)
          .set('authorization', officer)
          .send({})
          .expect(409)
      ).body.code,
    ).toBe('no-lawyer-available');
    expect(
      (
        await request(service.url)
          .post(`/applications/${applicationId}/closure`)
          .set('authorization', officer)
          .send({ outcome: 'judgment', summary: '未指派即结案' })
          .expect(409)
      ).body.code,
    ).toBe('closure-not-possible');
  });

  it('answers 401 without a token and 403 for the wrong role or outside the jurisdiction', async () => {
    const mediator = await auth.bearer({ roles: ['mediator'], region: '371324' });
    const citizen = await auth.bearer({ roles: ['citizen'], phone: '13812345678' });
    const supervisor = await auth.bearer({ roles: ['supervisor'], region: '371300' });
    const otherCounty = await auth.bearer({ roles: ['legal-aid-officer'], region: '371302' });
    await request(service.url).get('/applications').expect(401);
    await request(service.url).get('/applications').set('authorization', mediator).expect(403);
    await request(service.url).get(`/applications/${applicationId}`).set('authorization', citizen).expect(403);
    await request(service.url)
      .post(`/applications/${applicationId}/decision`)
      .set('authorization', supervisor)
      .send({ decision: 'deny', reason: '越权' })
      .expect(403);
    await request(service.url)
      .post('/admin/lawyers')
      .set('authorization', officer)
      .send({ name: '某', lawFirm: '某所', expertiseTags: [], regionCode: '371324', capacity: 1 })
      .expect(403);
    await request(service.url)
      .put('/admin/hardship-thresholds/371324')
      .set('authorization', supervisor)
      .send({ monthlyIncomePerCapita: 1, basis: 'xx' })
      .expect(403);
    expect(
      (await request(service.url).get(`/applications/${applicationId}`).set('authorization', otherCounty).expect(403))
        .body.code,
    ).toBe('out-of-jurisdiction');
    const own = await request(service.url).get('/applications').set('authorization', officer).expect(200);
    expect(own.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(
      (await request(service.url).get('/applications').set('authorization', otherCounty).expect(200)).body.total,
    ).toBe(0);
    const masked = await request(service.url)
      .get(`/applications/${applicationId}`)
      .set('authorization', supervisor)
      .expect(200);
    expect(masked.body.applicant).toEqual({
      name: '张*',
      phone: '138****5678',
      idCardNumber: expect.stringMatching(/^371\*+/),
      address: expect.stringMatching(/\*+$/),
    });
  });

  it('lets administrators maintain thresholds, exempt categories, the roster and capacity as data', async () => {
    const admin = await auth.bearer({ sub: 'admin-9', roles: ['admin'] });
    await request(service.url)
      .put('/admin/hardship-thresholds/371300')
      .set('authorization', admin)
      .send({ monthlyIncomePerCapita: 2100.5, basis: '临沂市标准（测试）' })
      .expect(200);
    await request(service.url)
      .put('/admin/hardship-thresholds/371324')
      .set('authorization', admin)
      .send({ monthlyIncomePerCapita: 1900, basis: '兰陵县标准（测试）' })
      .expect(200);
    await request(service.url).delete('/admin/hardship-thresholds/371324').set('authorization', admin).expect(204);
    expect(
      (await request(service.url).delete('/admin/hardship-thresholds/370000').set('authorization', admin).expect(409))
        .body.code,
    ).toBe('province-threshold-required');
    expect(
      fields(
        (
          await request(service.url)
            .put('/admin/hardship-thresholds/371324')
            .set('authorization', admin)
            .send({ monthlyIncomePerCapita: 'a lot', basis: 'x' })
            .expect(400)
        ).body,
      ),
    ).toEqual(['basis', 'monthlyIncomePerCapita']);
    expect(
      fields(
        (
          await request(service.url)
            .put('/admin/hardship-thresholds/110101')
            .set('authorization', admin)
            .send({ monthlyIncomePerCapita: 1, basis: '北京' })
            .expect(400)
        ).body,
      ),
    ).toEqual(['regionCode']);
    const thresholds = await request(service.url)
      .get('/admin/hardship-thresholds')
      .set('authorization', officer)
      .expect(200);
    expect(
      (thresholds.body as { regionCode: string; level: string; monthlyIncomePerCapita: number }[]).map((t) => [
        t.regionCode,
        t.level,
        t.monthlyIncomePerCapita,
      ]),
    ).toEqual([
      ['370000', 'province', 1800],
      ['371300', 'city', 2100.5],
    ]);

    const category = {
      labelZh: '申请支付劳动报酬的进城务工人员',
      labelEn: 'Migrant workers claiming unpaid wages',
      legalBasis: '法律援助法 第42条第(三)项',
      expertiseTags: ['labour'],
      active: false,
    };
    await request(service.url)
      .put('/admin/exempt-categories/migrant-worker-wages')
      .set('authorization', admin)
      .send(category)
      .expect(200);
    const categories = await request(service.url).get('/exempt-categories').set('authorization', officer).expect(200);
    expect(
      (categories.body as { code: string; active: boolean }[]).find((c) => c.code === 'migrant-worker-wages'),
    ).toMatchObject({ active: false, legalBasis: '法律援助法 第42条第(三)项' });
    expect((categories.body as unknown[]).length).toBe(13);

    const created = await request(service.url)
      .post('/admin/lawyers')
      .set('authorization', admin)
      .send({
        name: '韩雪',
        lawFirm: '兰陵公益律师事务所',
        expertiseTags: ['traffic-accident', 'traffic-accident'],
        regionCode: '371324',
        capacity: 2,
      })
      .expect(201);
    expect(created.body).toMatchObject({ expertiseTags: ['traffic-accident'], currentLoad: 0, active: true });
    await request(service.url)
      .post(`/applications/${applicationId}/appointment`)
      .set('authorization', officer)
      .send({ lawyerId: created.body.id })
      .expect(201);
    expect(
      (
        await request(service.url)
          .patch(`/admin/lawyers/${created.body.id}`)
          .set('authorization', admin)
          .send({ capacity: 0 })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('capacity');
    await request(service.url)
      .patch(`/admin/lawyers/${created.body.id}`)
      .set('authorization', admin)
      .send({ capacity: 1, active: false })
      .expect(200);
    const roster = await request(service.url)
      .get('/lawyers?regionPrefix=3713&active=false')
      .set('authorization', officer)
      .expect(200);
    expect(roster.body).toMatchObject({
      total: 1,
      items: [{ name: '韩雪', currentLoad: 1, capacity: 1, active: false }],
    });

    await request(service.url)
      .put('/admin/organisation-capacity/*')
      .set('authorization', admin)
      .send({ maxOpenApplications: 50 })
      .expect(200);
    expect(
      (await request(service.url).delete('/admin/organisation-capacity/*').set('authorization', admin).expect(409)).body
        .code,
    ).toBe('default-capacity-required');
    const capacity = await request(service.url)
      .get('/admin/organisation-capacity')
      .set('authorization', admin)
      .expect(200);
    expect(capacity.body).toEqual([
      expect.objectContaining({ organisationId: '*', maxOpenApplications: 50, updatedBy: 'admin-9' }),
    ]);
  });
});
