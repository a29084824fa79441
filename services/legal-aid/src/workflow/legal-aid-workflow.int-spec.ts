import { OfferAccepted, OfferRejected, Progressed, Resolved } from '@legal/contracts';
import type { Deadline } from '@legal/contracts';
import { addCalendarDaysLegal } from '@legal/domain';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import type { LegalAidEnv } from '../config/legal-aid.env';
import { legalAidService } from '../legal-aid.definition';
import { PartnerEventsFixture } from '../testing/partner-events.fixture';
import type { DispatchedData } from '@legal/handler-kit';

type Body = Record<string, unknown>;
const step = (e: { data: unknown }): string | undefined => (e.data as { step?: string }).step;

jest.setTimeout(90_000);

describe('legal-aid workflow with automatic acceptance (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('lawf');
  let auth: TestAuthority;
  let service: RunningService<LegalAidEnv>;
  let partners: PartnerEventsFixture;
  let officer: string;
  let admin: string;
  let labourLawyerId: string;

  /** Dispatches an offer and waits until automatic acceptance opened the application. */
  const acceptedApplication = async (offer: DispatchedData): Promise<Body> => {
    await partners.dispatch(offer);
    await partners.waitForReports(offer.workOrderId, OfferAccepted.type);
    const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', officer).expect(200);
    const app = await request(service.url)
      .get(`/applications/${res.body.applicationId}`)
      .set('authorization', officer)
      .expect(200);
    return app.body as Body;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(
      legalAidService,
      isolatedOverrides(tag, 'legalaid', { ...auth.env, AUTO_ACCEPT_OFFERS: true, SWEEPER_INTERVAL_MS: 300 }),
    );
    partners = await PartnerEventsFixture.connect(tag);
    officer = await auth.bearer({
      sub: 'officer-liu',
      roles: ['legal-aid-officer'],
      org: 'org-371324-legal-aid',
      region: '371324',
    });
    admin = await auth.bearer({ sub: 'admin-1', roles: ['admin'], region: '370000' });
    const lawyer = (body: Body): Promise<request.Response> =>
      request(service.url).post('/admin/lawyers').set('authorization', admin).send(body).expect(201);
    labourLawyerId = (
      await lawyer({
        name: '李明',
        lawFirm: '山东兰陵律师事务所',
        expertiseTags: ['labour', 'work-injury'],
        regionCode: '371324',
        capacity: 3,
      })
    ).body.id;
    await lawyer({
      name: '王芳',
      lawFirm: '山东兰陵律师事务所',
      expertiseTags: ['family'],
      regionCode: '371324',
      capacity: 3,
    });
    await lawyer({
      name: '赵刚',
      lawFirm: '临沂沂蒙律师事务所',
      expertiseTags: ['labour'],
      regionCode: '371302',
      capacity: 3,
    });
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

  it('exempts a wage-arrears migrant worker from the hardship check, grants aid and appoints a labour lawyer with both clocks recorded', async () => {
    const offer = partners.offer();
    const application = await acceptedApplication(offer);
    const id = application.id as string;
    expect(application).toMatchObject({
      state: 'received',
      kind: 'work-order',
      workOrderId: offer.workOrderId,
      applicant: { name: '张三', phone: '13812345678' },
    });
    expect((application.applicant as Body).idCardNumber).toMatch(/^371\*+\d{3}[\dX]$/);
    const receivedAt = new Date(application.receivedAt as string);

    const review = await request(service.url)
      .post(`/applications/${id}/hardship-review`)
      .set('authorization', officer)
      .send({
        exemptCategoryCode: 'migrant-worker-wages',
        integrityCommitment: false,
        notes: '提供了劳动合同和欠薪证明',
      })
      .expect(201);
    expect(review.body).toMatchObject({
      computedResult: 'exempt',
      finalResult: 'exempt',
      exemptCategoryCode: 'migrant-worker-wages',
      thresholdAmount: null,
      householdSize: null,
    });
    expect(review.body.snapshot).toMatchObject({
      exemption: { code: 'migrant-worker-wages', legalBasis: '法律援助法 第42条第(三)项' },
      threshold: null,
      rule: 'exempt-category',
    });

    const granted = await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '农民工追索劳动报酬，免予经济困难审查' })
      .expect(200);
    expect(granted.body.state).toBe('granted');
    const decidedAt = new Date(granted.body.decidedAt as string);

    const [appointed] = await partners.waitForReports(offer.workOrderId, Progressed.type, 1, 'lawyer-appointed');
    const detail = await request(service.url).get(`/applications/${id}`).set('authorization', officer).expect(200);
    expect(detail.body).toMatchObject({
      state: 'appointed',
      lawyerId: labourLawyerId,
      providedFirst: false,
      expertiseTags: ['labour'],
    });
    expect(detail.body.appointment.explanation).toContain('李明 (山东兰陵律师事务所) ranked 1 of 3');
    expect(detail.body.appointment.explanation).toContain('expertise labour matches');
    const decisionDue = addCalendarDaysLegal(receivedAt, 7).dueAt.toISOString();
    const appointmentDue = addCalendarDaysLegal(decidedAt, 3).dueAt.toISOString();
    const clocks = detail.body.deadlines as {
      kind: string;
      dueAt: string;
      status: string;
      rule: string;
      days: number;
      explanation: string;
      completedAt: string;
    }[];
    expect(clocks.map((c) => [c.kind, c.days, c.rule, c.dueAt, c.status])).toEqual([
      ['legal-aid-decision', 7, 'calendar-days', decisionDue, 'met'],
      ['lawyer-appointment', 3, 'calendar-days', appointmentDue, 'met'],
    ]);
    expect(clocks[1]?.explanation).toContain('3 calendar days');
    expect(new Date(detail.body.appointedAt as string).getTime()).toBeLessThanOrEqual(
      new Date(appointmentDue).getTime(),
    );

    const reports = partners.reportsFor(offer.workOrderId);
    expect(reports.map((e) => [e.type, step(e)])).toEqual([
      [OfferAccepted.type, undefined],
      [Progressed.type, 'application-registered'],
      [Progressed.type, 'hardship-reviewed'],
      [Progressed.type, 'aid-granted'],
      [Progressed.type, 'lawyer-appointed'],
    ]);
    expect(reports[0]?.data).toMatchObject({
      handler: 'legal-aid',
      offerId: offer.offerId,
      handlerCaseId: application.caseNumber,
      actorId: 'system:auto-accept',
    });
    // The grant as codes for oversight: granted, on the exempt category the review rests on.
    expect(reports[3]?.data).toMatchObject({
      details: { aidDecision: 'granted', exemptCategory: 'migrant-worker-wages' },
    });
    const grantClocks = (reports[3]?.data as { deadlines: Deadline[] }).deadlines;
    expect(grantClocks).toEqual([
      expect.objectContaining({ kind: 'legal-aid-decision', dueAt: decisionDue, rule: 'calendar-days', status: 'met' }),
      expect.objectContaining({
        kind: 'lawyer-appointment',
        dueAt: appointmentDue,
        rule: 'calendar-days',
        status: 'running',
      }),
    ]);
    expect((appointed?.data as { deadlines: Deadline[] }).deadlines).toEqual([
      expect.objectContaining({ kind: 'lawyer-appointment', dueAt: appointmentDue, status: 'met' }),
    ]);
    const lawyer = await request(service.url)
      .get(`/lawyers/${labourLawyerId}`)
      .set('authorization', officer)
      .expect(200);
    expect(lawyer.body.currentLoad).toBe(1);

    // Closing the case resolves the work order and creates the return visit to the aided person.
    await request(service.url)
      .post(`/applications/${id}/closure`)
      .set('authorization', officer)
      .send({ outcome: 'judgment', summary: '法院判决支付拖欠工资三万元' })
      .expect(200);
    const [resolved] = await partners.waitForReports(offer.workOrderId, Resolved.type);
    expect(resolved?.data).toMatchObject({
      outcome: 'case-closed',
      summary: 'judgment: 法院判决支付拖欠工资三万元',
      actorId: 'officer-liu',
    });
    expect(
      (await request(service.url).get(`/lawyers/${labourLawyerId}`).set('authorization', officer).expect(200)).body
        .currentLoad,
    ).toBe(0);
    const visits = await request(service.url)
      .get('/return-visits?status=open')
      .set('authorization', officer)
      .expect(200);
    const visit = (visits.body.items as Body[]).find((v) => v.applicationId === id);
    expect(visit).toMatchObject({
      caseNumber: application.caseNumber,
      closureOutcome: 'judgment',
      aidedPerson: { phone: '13812345678' },
      status: 'open',
    });
    await request(service.url)
      .post(`/return-visits/${visit?.id}/completion`)
      .set('authorization', officer)
      .send({ reached: true, satisfaction: 5, notes: '工资已追回，对律师满意' })
      .expect(200);
    await request(service.url)
      .post(`/return-visits/${visit?.id}/completion`)
      .set('authorization', officer)
      .send({ reached: true, notes: '重复' })
      .expect(409);
    await request(service.url)
      .post(`/applications/${id}/closure`)
      .set('authorization', officer)
      .send({ outcome: 'judgment', summary: '再次结案' })
      .expect(409);
  });

  it('denies a non-exempt applicant above the county threshold, with the reason in Resolved.summary', async () => {
    const offer = partners.offer({ description: '离婚纠纷，需要律师代理', vulnerableGroup: false });
    const application = await acceptedApplication(offer);
    const id = application.id as string;
    const review = await request(service.url)
      .post(`/applications/${id}/hardship-review`)
      .set('authorization', officer)
      .send({ householdSize: 2, householdMonthlyIncome: 8000, integrityCommitment: true, matterTags: ['family'] })
      .expect(201);
    expect(review.body).toMatchObject({
      computedResult: 'ineligible',
      finalResult: 'ineligible',
      monthlyIncomePerCapita: 4000,
      thresholdAmount: 1800,
      thresholdRegionCode: '371324',
      thresholdSource: 'county',
      integrityCommitment: true,
    });
    expect(review.body.snapshot.threshold).toMatchObject({
      regionCode: '371324',
      basis: '兰陵县经济困难标准（测试）',
      chain: ['371324', '371300', '370000'],
    });
    expect(review.body.snapshot.inputs).toMatchObject({
      householdSize: 2,
      householdMonthlyIncome: 8000,
      integrityCommitment: true,
    });

    const refused = await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '同意' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'hardship-not-met', status: 409 });
    const reason = '家庭人均月收入4000元，高于本县经济困难标准1800元，不符合法律援助经济困难条件';
    await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'deny', reason })
      .expect(200);
    const [resolved] = await partners.waitForReports(offer.workOrderId, Resolved.type);
    expect(resolved?.data).toMatchObject({
      outcome: 'aid-denied',
      handlerCaseId: application.caseNumber,
      details: { aidDecision: 'denied' },
    });
    expect((resolved?.data as { summary: string }).summary).toContain(reason);
    const twice = await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'deny', reason })
      .expect(409);
    expect(twice.body.code).toBe('application-finished');
    expect(partners.reportsFor(offer.workOrderId).filter((e) => e.type === Resolved.type)).toHaveLength(1);
  });

  it('rejects an offer with no-capacity when the organisation is full', async () => {
    await request(service.url)
      .put('/admin/organisation-capacity/org-371302-legal-aid')
      .set('authorization', admin)
      .send({ maxOpenApplications: 0 })
      .expect(200);
    const offer = partners.offer({
      organisationId: 'org-371302-legal-aid',
      organisationName: '兰山区法律援助中心',
      organisationRegionCode: '371302',
      regionCode: '371302',
    });
    await partners.dispatch(offer);
    const [rejected] = await partners.waitForReports(offer.workOrderId, OfferRejected.type);
    expect(rejected?.data).toMatchObject({ offerId: offer.offerId, reasonCode: 'no-capacity', handlerCaseId: 'none' });
    expect((rejected?.data as { reason: string }).reason).toContain('limit 0');
  });

  it('records duty-lawyer help as its own service and counts it in the statistics', async () => {
    const recorded = await request(service.url)
      .post('/duty-lawyer-services')
      .set('authorization', officer)
      .send({
        regionCode: '371324',
        locationType: 'detention-centre',
        locationName: '兰陵县看守所',
        lawyerId: labourLawyerId,
        person: { name: '王五' },
        services: ['legal-consultation', 'plea-agreement-witness'],
        summary: '解释认罪认罚从宽制度，见证具结书签署',
        servedAt: new Date(Date.now() - 3600_000).toISOString(),
      })
      .expect(201);
    expect(recorded.body).toMatchObject({
      lawyerName: '李明',
      person: { name: '王*' },
      services: ['legal-consultation', 'plea-agreement-witness'],
    });
    const stats = await waitUntil(
      async () => {
        const res = await request(service.url).get('/statistics').set('authorization', officer).expect(200);
        return res.body.applicationsByState.denied >= 1 ? (res.body as Body) : undefined;
      },
      10000,
      'statistics',
    );
    expect(stats).toMatchObject({
      applicationsByState: { closed: 1, denied: 1 },
      decisionsOverdue: 0,
      dutyLawyerServices: { total: 1, byLocationType: { 'detention-centre': 1 } },
      returnVisits: { completed: 1, open: 0 },
    });
    const metrics = await request(service.url).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/legal_aid_applications\{[^}]*state="closed"[^}]*\} 1/);
    expect(metrics.text).toMatch(/legal_aid_overdue_clocks\{[^}]*clock="legal-aid-decision"[^}]*\} 0/);
  });
});
