import { shanghaiDateOf, unloadOfficialYear } from '@legal/domain';
import { CalendarLoadFixture, testCalendarYear, WorkOrderRouterFixture } from '@legal/handler-kit';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { JudicialAppraisalEnv } from '../config/judicial-appraisal.env';
import { Entrustment } from '../entrustments/entities/entrustment.entity';
import { judicialAppraisalService } from '../judicial-appraisal.definition';
import { computeAppraisalTerm } from './appraisal-term';

jest.setTimeout(90_000);

const LINYI = { org: 'org-371300-appraisal', region: '371300' };
/** Agreement signed Monday 21 December 2026: the 30 working days run through January 2027. */
const AGREED = new Date('2026-12-21T02:00:00Z');
/** 1-5 January off, Saturday 9 January worked (test dates, not the real notice). */
const YEAR_2027 = testCalendarYear({
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05'],
  workdays: ['2027-01-09'],
});

describe('appraisal term follows a year loaded on legal.calendar (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('jacal');
  let auth: TestAuthority;
  let service: RunningService<JudicialAppraisalEnv>;
  let router: WorkOrderRouterFixture;
  let calendar: CalendarLoadFixture;
  let db: DataSource;
  let appraiser: string;

  const post = (path: string, body: object = {}): request.Test =>
    request(service.url).post(path).set('authorization', appraiser).send(body);

  beforeAll(async () => {
    unloadOfficialYear(2027);
    auth = await TestAuthority.create();
    service = await startService(judicialAppraisalService, isolatedOverrides(tag, 'appraisal', auth.env));
    db = service.app.get(DataSource);
    router = await WorkOrderRouterFixture.connect(tag, {
      handler: 'judicial-appraisal',
      organisationId: LINYI.org,
      organisationName: '临沂市司法鉴定中心',
      organisationRegionCode: LINYI.region,
      serviceType: 'judicial-appraisal',
      regionCode: '371324101201',
      description: '交通事故致伤，需对伤残等级进行鉴定',
    });
    calendar = new CalendarLoadFixture(router);
    appraiser = await auth.bearer({ sub: 'appraiser-sun', roles: ['appraiser'], org: LINYI.org, region: LINYI.region });
  });

  afterAll(async () => {
    unloadOfficialYear(2027);
    await router?.close();
    await service?.stop();
  });

  it('an accepted entrustment whose term crosses the new holidays gets its term moved, recorded and reported', async () => {
    const offer = router.offer();
    await router.dispatch(offer);
    const recorded = async (): Promise<true | undefined> =>
      (await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', appraiser)).status === 200
        ? true
        : undefined;
    await waitUntil(recorded, 30_000, `offer ${offer.offerId} recorded`);
    const party = { kind: 'party', name: '张三' };
    const accepted = await post(`/offers/${offer.offerId}/accept`, { party, category: 'forensic-medicine' });
    expect(accepted.status).toBe(201);
    const id = accepted.body.id as string;
    await post(`/entrustments/${id}/decision`, { accept: true }).expect(200);

    // As if the agreement was signed on 21 December: its term on the packaged calendar (weekends only in 2027).
    const packaged = computeAppraisalTerm({ agreementAt: AGREED, pauses: [], extension: null });
    await db.getRepository(Entrustment).update(id, {
      agreementAt: AGREED,
      termDueAt: packaged.dueAt,
      termExplanation: packaged.explanation,
    });

    await calendar.announce(YEAR_2027);
    const moved = async (): Promise<Entrustment | undefined> => {
      const e = await db.getRepository(Entrustment).findOneByOrFail({ id });
      return e.termDueAt?.getTime() !== packaged.dueAt.getTime() ? e : undefined;
    };
    const stored = await waitUntil(moved, 30_000, 'the appraisal term recomputed');
    // Three weekdays (1, 4, 5 January) off and one Saturday worked: the term ends later.
    const loaded = computeAppraisalTerm({ agreementAt: AGREED, pauses: [], extension: null });
    expect(stored.termDueAt?.toISOString()).toBe(loaded.dueAt.toISOString());
    expect(stored.termDueAt?.getTime()).toBeGreaterThan(packaged.dueAt.getTime());

    const history = await request(service.url)
      .get(`/entrustments/${id}/history`)
      .set('authorization', appraiser)
      .expect(200);
    const entry = (history.body.items as { step: string; detail: string; actorId: string }[]).find(
      (h) => h.step === 'deadline-recomputed',
    );
    expect(entry).toMatchObject({ actorId: 'system:calendar' });
    const before = shanghaiDateOf(packaged.dueAt);
    expect(entry?.detail).toContain(`appraisal term due ${before} → ${shanghaiDateOf(loaded.dueAt)}`);

    const report = await calendar.recomputed(offer.workOrderId);
    expect(report).toMatchObject({
      handler: 'judicial-appraisal',
      handlerCaseId: id,
      step: 'deadline-recomputed',
      deadlines: [{ kind: 'judicial-appraisal-term', dueAt: loaded.dueAt.toISOString(), status: 'running' }],
    });
  });
});
