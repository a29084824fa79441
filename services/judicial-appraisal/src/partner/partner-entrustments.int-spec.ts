import { IntakeSubmitted, prefixedTopic, TOPICS, workOrderIdForIntake } from '@legal/contracts';
import { WorkOrderRouterFixture } from '@legal/handler-kit';
import { createKafka, EventCollector } from '@legal/messaging';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import type { JudicialAppraisalEnv } from '../config/judicial-appraisal.env';
import { judicialAppraisalService } from '../judicial-appraisal.definition';

jest.setTimeout(90_000);

const LINYI = { code: '371300001', org: 'org-371300-appraisal', region: '371300' };
const COURT = { sub: 'court-371324', roles: ['partner' as const], clientId: 'court-371324', org: 'org-371324-court' };
const body = {
  courtCaseNumber: '(2026)鲁1324民初456号',
  category: 'forensic-medicine',
  matter: '对原告伤残等级进行鉴定',
  regionCode: '371324101201',
};

describe('a partner court entrusts an appraisal over its authenticated API (real PostgreSQL, Kafka, Redis)', () => {
  const tag = uniqueTag('japart');
  let auth: TestAuthority;
  let service: RunningService<JudicialAppraisalEnv>;
  let router: WorkOrderRouterFixture;
  let intakes: EventCollector;
  let court: string;
  let otherCourt: string;
  let appraiser: string;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(judicialAppraisalService, isolatedOverrides(tag, 'appraisal', auth.env));
    router = await WorkOrderRouterFixture.connect(tag, {
      handler: 'judicial-appraisal',
      organisationId: LINYI.org,
      organisationName: '临沂市司法鉴定中心',
      organisationRegionCode: LINYI.region,
      serviceType: 'judicial-appraisal',
      regionCode: body.regionCode,
      description: body.matter,
    });
    const kafka = createKafka({
      brokers: ['127.0.0.1:9092'],
      clientId: `intakes-${tag}`,
      topicPrefix: tag,
      partitions: 3,
    });
    intakes = await EventCollector.start(kafka, [prefixedTopic(tag, TOPICS.intakeSubmitted.name)]);
    court = await auth.bearer({ ...COURT, region: '371324' });
    otherCourt = await auth.bearer({ ...COURT, sub: 'court-371302', clientId: 'court-371302', region: '371302' });
    appraiser = await auth.bearer({ sub: 'appraiser-sun', roles: ['appraiser'], org: LINYI.org, region: LINYI.region });
  });

  afterAll(async () => {
    await intakes?.stop();
    await router?.close();
    await service?.stop();
  });

  it('401 without a token, 403 for a role other than partner', async () => {
    await request(service.url).post('/entrustments/partner').send(body).expect(401);
    await request(service.url)
      .get(`/entrustments/partner/${workOrderIdForIntake(tag)}`)
      .expect(401);
    await request(service.url).post('/entrustments/partner').set('authorization', appraiser).send(body).expect(403);
  });

  it('records it, publishes the intake under its id with the court from the token, and the offer links to it', async () => {
    const res = await request(service.url).post('/entrustments/partner').set('authorization', court).send(body);
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(res.body).toMatchObject({
      courtName: COURT.org,
      courtCaseNumber: body.courtCaseNumber,
      status: 'submitted',
      workOrderId: workOrderIdForIntake(id),
      caseCode: null,
    });

    const [intake] = await intakes.waitFor((r) => r.event?.type === IntakeSubmitted.type && r.event.subject === id);
    expect(intake?.event?.data).toMatchObject({
      intakeId: id,
      platform: 'partner',
      serviceType: 'judicial-appraisal',
      regionCode: body.regionCode,
      submittedBy: { userId: COURT.clientId, role: 'partner' },
    });

    // Another partner does not learn it exists.
    await request(service.url).get(`/entrustments/partner/${id}`).set('authorization', otherCourt).expect(404);
    await request(service.url).get(`/entrustments/partner/${id}`).set('authorization', appraiser).expect(403);

    const offer = router.offer({ workOrderId: workOrderIdForIntake(id) });
    await router.dispatch(offer);
    await waitUntil(
      async () =>
        (await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', appraiser)).status === 200
          ? true
          : undefined,
      30_000,
      'offer recorded',
    );
    const accepted = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', appraiser)
      .send({ party: { kind: 'party', name: '不是法院' }, category: 'physical-evidence' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      id,
      status: 'received',
      workOrderId: offer.workOrderId,
      caseCode: offer.caseCode,
      party: { kind: 'court', name: COURT.org, courtCaseNumber: body.courtCaseNumber },
      category: body.category,
    });

    const mine = await request(service.url).get(`/entrustments/partner/${id}`).set('authorization', court).expect(200);
    expect(mine.body).toMatchObject({
      status: 'received',
      caseCode: offer.caseCode,
      institutionName: expect.any(String),
    });
  });
});
