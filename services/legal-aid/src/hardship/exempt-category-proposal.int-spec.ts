import { OfferAccepted } from '@legal/contracts';
import type { DispatchedData } from '@legal/handler-kit';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import request from 'supertest';
import type { LegalAidEnv } from '../config/legal-aid.env';
import { legalAidService } from '../legal-aid.definition';
import { PartnerEventsFixture } from '../testing/partner-events.fixture';

jest.setTimeout(90_000);

describe('the hardship review proposes the exempt category the matter shows (法律援助法 第四十二条; real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('laexempt');
  let auth: TestAuthority;
  let service: RunningService<LegalAidEnv>;
  let partners: PartnerEventsFixture;
  let officer: string;

  const acceptedApplication = async (offer: DispatchedData): Promise<string> => {
    await partners.dispatch(offer);
    await partners.waitForReports(offer.workOrderId, OfferAccepted.type);
    const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', officer).expect(200);
    return res.body.applicationId as string;
  };
  const aboveThreshold = { householdSize: 2, householdMonthlyIncome: 8000, integrityCommitment: true };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(
      legalAidService,
      isolatedOverrides(tag, 'legalaid', { ...auth.env, AUTO_ACCEPT_OFFERS: true }),
    );
    partners = await PartnerEventsFixture.connect(tag);
    officer = await auth.bearer({
      sub: 'officer-sun',
      roles: ['legal-aid-officer'],
      org: 'org-371324-legal-aid',
      region: '371324',
    });
    const admin = await auth.bearer({ sub: 'admin-1', roles: ['admin'], region: '370000' });
    await request(service.url)
      .post('/admin/lawyers')
      .set('authorization', admin)
      .send({
        name: '李明',
        lawFirm: '山东兰陵律师事务所',
        expertiseTags: ['labour'],
        regionCode: '371324',
        capacity: 3,
      })
      .expect(201);
    await request(service.url)
      .put('/admin/hardship-thresholds/371324')
      .set('authorization', admin)
      .send({ monthlyIncomePerCapita: 1800, basis: '兰陵县经济困难标准（测试）' })
      .expect(200);
  });

  afterAll(async () => {
    await partners?.close();
    await service?.stop();
  });

  it('proposes migrant-worker wages for an over-threshold wage claim, names it in the 409 of a grant, and grants once the officer confirms it', async () => {
    const id = await acceptedApplication(
      partners.offer({ description: '农民工在工地干了半年活，老板拖欠工资三万元不给' }),
    );
    const review = await request(service.url)
      .post(`/applications/${id}/hardship-review`)
      .set('authorization', officer)
      .send(aboveThreshold)
      .expect(201);
    expect(review.body).toMatchObject({ computedResult: 'ineligible', finalResult: 'ineligible' });
    expect(review.body.proposedExemptCategory).toEqual({
      code: 'migrant-worker-wages',
      labelZh: '申请支付劳动报酬的进城务工人员',
      labelEn: 'Migrant workers claiming unpaid wages',
      legalBasis: '法律援助法 第42条第(三)项',
      reason: 'the description mentions 农民工 and 拖欠工资',
    });

    const refused = await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '同意' })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'hardship-not-met',
      proposedExemptCategory: { code: 'migrant-worker-wages' },
    });
    expect(refused.body.detail).toContain(
      '申请支付劳动报酬的进城务工人员 (migrant-worker-wages, 法律援助法 第42条第(三)项',
    );

    await request(service.url)
      .post(`/applications/${id}/hardship-review/exemption`)
      .set('authorization', officer)
      .send({ exemptCategoryCode: 'no-such', reason: '核实了劳动合同' })
      .expect(400);
    const confirmed = await request(service.url)
      .post(`/applications/${id}/hardship-review/exemption`)
      .set('authorization', officer)
      .send({ exemptCategoryCode: 'migrant-worker-wages', reason: '劳动合同与工地考勤记录证明申请人为进城务工人员' })
      .expect(200);
    expect(confirmed.body).toMatchObject({
      computedResult: 'ineligible',
      finalResult: 'exempt',
      exemptCategoryCode: 'migrant-worker-wages',
      overrideResult: 'exempt',
      proposedExemptCategory: null,
    });
    expect(confirmed.body.snapshot.exemption).toMatchObject({ code: 'migrant-worker-wages' });
    const granted = await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '农民工追索劳动报酬，免予经济困难审查' })
      .expect(200);
    expect(granted.body.state).toBe('granted');
  });

  it('proposes nothing for a matter that shows no exempt category, and its 409 names none', async () => {
    const id = await acceptedApplication(
      partners.offer({ description: '离婚纠纷，需要律师代理', vulnerableGroup: false }),
    );
    const review = await request(service.url)
      .post(`/applications/${id}/hardship-review`)
      .set('authorization', officer)
      .send(aboveThreshold)
      .expect(201);
    expect(review.body.proposedExemptCategory).toBeNull();
    const refused = await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '同意' })
      .expect(409);
    expect(refused.body.proposedExemptCategory).toBeUndefined();
    expect(refused.body.detail).not.toContain('exempt category');
  });
});
