/**
 * Oversight on the real stack (PostgreSQL, Redis, Kafka), every service in-process with a shared tag: three
 * platforms (hotline, portal, centre) take one request each, work-order codes and routes them to three handlers
 * (legal-aid, mediation, notarization, each accepting offers by itself), and oversight's figures follow from the
 * lifecycle stream alone: intakes, platform shares, acceptances, the ranking of the counties and a drill-down.
 */
import { idCardCheckCharacter } from '@legal/domain';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import { randomInt } from 'node:crypto';
import request from 'supertest';
import { centreService } from '../../../centre/src/centre.definition';
import { hotlineService } from '../../../hotline/src/hotline.definition';
import { legalAidService } from '../../../legal-aid/src/legal-aid.definition';
import { mediationService } from '../../../mediation/src/mediation.definition';
import { notarizationService } from '../../../notarization/src/notarization.definition';
import { portalService } from '../../../portal/src/portal.definition';
import { workOrderService } from '../../../work-order/src/work-order.definition';
import { oversightService } from '../oversight.definition';
import { shanghaiMonth } from '../reports/monthly-report-month';

jest.setTimeout(240_000);

const REGION = '371324101';
const SLOW = 120_000;
const randomMobile = (): string => `139${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;
function randomIdCard(): string {
  const body = `371324${1960 + randomInt(0, 40)}0${randomInt(1, 10)}1${randomInt(0, 10)}${String(randomInt(100, 999))}`;
  return `${body}${idCardCheckCharacter(body)}`;
}

type Figures = Record<string, { value: number | null; numerator: number; denominator: number | null }>;

describe('oversight figures from requests on three platforms handled by three handlers (real stack)', () => {
  const tag = uniqueTag('e2eovs');
  const running: RunningService[] = [];
  let auth: TestAuthority;
  let oversight: RunningService;
  let workOrderUrl: string;
  let legalAidUrl: string;
  let portalUrl: string;
  let centreUrl: string;
  let visitId: string;
  let hotlineCall: { caseCode?: string; accessCode: string; id: string };
  let hotlineUrl: string;
  let agent: string;
  let clerk: string;
  const start = async (s: Promise<RunningService>): Promise<RunningService> => {
    const r = await s;
    running.push(r);
    return r;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    const handlerEnv = { ...auth.env, AUTO_ACCEPT_OFFERS: true };
    const workOrder = await start(startService(workOrderService, isolatedOverrides(tag, 'work_order', auth.env)));
    legalAidUrl = (await start(startService(legalAidService, isolatedOverrides(tag, 'legal_aid', handlerEnv)))).url;
    workOrderUrl = workOrder.url;
    await start(startService(mediationService, isolatedOverrides(tag, 'mediation', handlerEnv)));
    await start(startService(notarizationService, isolatedOverrides(tag, 'notarization', handlerEnv)));
    const hotline = await start(startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env)));
    const centre = await start(startService(centreService, isolatedOverrides(tag, 'centre', auth.env)));
    const portal = await start(
      startService(
        portalService,
        isolatedOverrides(tag, 'portal', {
          ...auth.env,
          WORK_ORDER_URL: workOrder.url,
        }),
      ),
    );
    oversight = await start(
      startService(
        oversightService,
        isolatedOverrides(tag, 'oversight', {
          ...auth.env,
          MONTHLY_REPORT_CHECK_INTERVAL_MS: 0,
        }),
      ),
    );
    [hotlineUrl, portalUrl, centreUrl] = [hotline.url, portal.url, centre.url];
    agent = await auth.bearer({ roles: ['hotline-agent'], org: 'org-370000-hotline', region: '370000' });
    clerk = await auth.bearer({ roles: ['centre-clerk'], org: 'org-371324-centre', region: '371324' });
    const call = await request(hotline.url)
      .post('/calls')
      .set('authorization', agent)
      .send({
        callerPhone: randomMobile(),
        callerName: '王五',
        regionCode: REGION,
        serviceType: 'legal-aid',
        description: '在工地干了半年活，老板拖欠工资三万元不给',
        vulnerableGroup: true,
        outcome: 'follow-up',
      })
      .expect(201);
    hotlineCall = { id: call.body.id as string, accessCode: call.body.accessCode as string };
    await request(portal.url)
      .post('/portal/requests')
      .send({
        serviceType: 'mediation',
        regionCode: REGION,
        description: '邻居占用宅基地，协商不成',
        contact: { name: '赵六', phone: randomMobile(), idCardNumber: randomIdCard() },
      })
      .expect(202);
    const visit = await request(centre.url)
      .post('/walk-ins')
      .set('authorization', clerk)
      .send({
        idCardNumber: randomIdCard(),
        name: '钱七',
        address: '山东省临沂市兰陵县大仲村镇',
        phone: randomMobile(),
        regionCode: REGION,
      })
      .expect(201);
    visitId = visit.body.id as string;
    await request(centre.url)
      .post(`/walk-ins/${visit.body.id as string}/outcome`)
      .set('authorization', clerk)
      .send({ outcome: 'work-order', description: '办理继承公证', serviceType: 'notarization' })
      .expect(200);
  });

  afterAll(async () => {
    for (const s of running.reverse()) await s.stop();
  });

  it('counts the three intakes, one per platform, and their acceptances by the three handlers', async () => {
    const supervisor = await auth.bearer({ roles: ['supervisor'], region: '371300' });
    const period = shanghaiMonth(new Date());
    const figures = await waitUntil(
      async () => {
        const res = await request(oversight.url)
          .get('/indicators')
          .query({ period, region: '371324' })
          .set('authorization', supervisor);
        const f = Object.fromEntries(
          ((res.body.indicators ?? []) as ({ code: string } & Figures[string])[]).map((i) => [i.code, i]),
        ) as Figures;
        return f.intakes?.value === 3 && f['hours-to-acceptance']?.denominator === 3 ? f : undefined;
      },
      SLOW,
      'three intakes, all accepted, in the oversight read model',
    );
    expect([figures['share-hotline'].value, figures['share-portal'].value, figures['share-centre'].value]).toEqual([
      33.33, 33.33, 33.33,
    ]);
    expect(figures['hours-to-dispatch'].denominator).toBe(3);
    // One offer each, accepted by its handler: the offer facts follow work-order's real offered/offer-accepted views.
    expect(figures['offer-acceptance-rate']).toMatchObject({ value: 100, numerator: 3, denominator: 3 });
    expect(figures['offer-expired-share']).toMatchObject({ value: 0, numerator: 0, denominator: 3 });
    expect(figures['minutes-to-offer-acceptance'].denominator).toBe(3);
    expect(figures['minutes-to-offer-acceptance'].value).toBeGreaterThanOrEqual(0);
    // work-order stamps each view with the case code's issue time: all three are measured (their minutes vary).
    expect(figures['minutes-to-case-code'].denominator).toBe(3);
    expect(figures['minutes-to-case-code'].value).toBeGreaterThanOrEqual(0);
    const ranking = await request(oversight.url)
      .get('/indicators/intakes/ranking')
      .query({ period, region: '371300' })
      .set('authorization', supervisor)
      .expect(200);
    expect(ranking.body.rows[0]).toMatchObject({ rank: 1, region: { code: '371324', name: '兰陵县' }, value: 3 });
    const centreShare = await request(oversight.url)
      .get('/indicators/share-centre/work-orders')
      .query({ period, region: '371324' })
      .set('authorization', supervisor)
      .expect(200);
    expect(centreShare.body.total).toBe(1);
    expect(centreShare.body.caseCodes[0]).toMatch(/^371324-/);
  });

  it('follows a resolution, an evaluation, a complaint and a 督办 through to the satisfaction, complaint and 督办 figures', async () => {
    const code = await waitUntil(
      async () => {
        const res = await request(hotlineUrl).get(`/calls/${hotlineCall.id}`).set('authorization', agent).expect(200);
        return typeof res.body.caseCode === 'string' ? (res.body.caseCode as string) : undefined;
      },
      SLOW,
      'the hotline call has a case code',
    );
    const officer = await auth.bearer({ roles: ['legal-aid-officer'], org: 'org-371324-legal-aid', region: '371324' });
    const application = await waitUntil(
      async () => {
        const res = await request(legalAidUrl)
          .get('/applications')
          .query({ pageSize: 100 })
          .set('authorization', officer);
        return (res.body.items as { id: string; caseCode?: string }[] | undefined)?.find((a) => a.caseCode === code);
      },
      SLOW,
      'the legal-aid application exists',
    );
    await request(legalAidUrl)
      .post(`/applications/${application.id}/hardship-review`)
      .set('authorization', officer)
      .send({ exemptCategoryCode: 'migrant-worker-wages', integrityCommitment: false, notes: '欠薪' })
      .expect(201);
    await request(legalAidUrl)
      .post(`/applications/${application.id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'deny', reason: '案件已由劳动监察部门处理完毕，无需法律援助' })
      .expect(200);
    const supervisor = await auth.bearer({ roles: ['supervisor'], org: 'org-370000-supervision', region: '370000' });
    await waitUntil(
      async () => {
        const res = await request(workOrderUrl).get(`/work-orders/${code}`).set('authorization', supervisor);
        return res.body.status === 'resolved' || undefined;
      },
      SLOW,
      'the legal-aid work order is resolved',
    );
    await request(portalUrl)
      .post('/portal/evaluations')
      .send({ caseCode: code, accessCode: hotlineCall.accessCode, score: 5 })
      .expect(201);
    await request(portalUrl)
      .post('/portal/complaints')
      .send({
        relatedCaseCode: code,
        accessCode: hotlineCall.accessCode,
        description: '承办机构一直没有联系我，电话也不接',
        contact: { name: '王五', phone: randomMobile() },
      })
      .expect((res) => expect([201, 202]).toContain(res.status));
    const notarial = await waitUntil(
      async () => {
        const res = await request(centreUrl).get(`/walk-ins/${visitId}`).set('authorization', clerk).expect(200);
        return typeof res.body.caseCode === 'string' ? (res.body.caseCode as string) : undefined;
      },
      SLOW,
      'the centre visit has a case code',
    );
    await request(workOrderUrl)
      .post(`/work-orders/${notarial}/escalate`)
      .set('authorization', supervisor)
      .send({ reason: '出证进度缓慢，请加快办理', dueInDays: 3 })
      .expect(200);
    const period = shanghaiMonth(new Date());
    const f = await waitUntil(
      async () => {
        const res = await request(oversight.url)
          .get('/indicators')
          .query({ period, region: '371324' })
          .set('authorization', supervisor);
        const all = Object.fromEntries(
          ((res.body.indicators ?? []) as ({ code: string } & Figures[string])[]).map((i) => [i.code, i]),
        ) as Figures;
        return all.satisfaction?.denominator === 1 &&
          all['supervision-orders']?.value === 1 &&
          all.intakes?.value === 4 &&
          all['legal-aid-grant-rate']?.denominator === 1
          ? all
          : undefined;
      },
      SLOW,
      'the evaluation, the complaint and the 督办 in the oversight read model',
    );
    expect(f.satisfaction).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(f['complaint-rate']).toMatchObject({ value: 33.33, numerator: 1, denominator: 3 });
    expect(f['supervision-orders'].value).toBe(1);
    expect(f['supervision-resolved'].value).toBe(0);
    // Legal aid's denial reached oversight as a code on its resolution report (legal.handler.report).
    expect(f['legal-aid-grant-rate']).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(f['legal-aid-exempt-share']).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(f['minutes-to-case-code'].denominator).toBe(4);
    const supervised = await request(oversight.url)
      .get('/indicators/supervision-orders/work-orders')
      .query({ period, region: '371324' })
      .set('authorization', supervisor)
      .expect(200);
    expect(supervised.body.caseCodes).toEqual([notarial]);
  });
});
