/**
 * Judicial appraisal (司法鉴定) end to end on the real stack (PostgreSQL, Redis, Kafka), every service
 * started in-process with a shared tag: work-order (router), portal, hotline, centre and judicial-appraisal.
 *
 *  1. A citizen asks for an appraisal on the portal: the work order is routed to the city's appraisal centre,
 *     its appraiser accepts the offer (the entrustment), decides within 7 working days, pauses for
 *     supplementary materials and resumes, the head the admin designated extends the term once (a second is
 *     refused), two appraisers are designated and the coded opinion is issued; anyone verifies the code, a
 *     tampered one fails; the portal, the centre and the hotline show the same resolved work order, the
 *     citizen's status text naming 司法鉴定.
 *  2. A partner court entrusts an appraisal over judicial-appraisal's authenticated partner API (the court
 *     from its token): its intake gets a work order and case code, the offer routed to the centre registers
 *     that same entrustment (no second one), and it takes the same way to an opinion the court can read.
 */
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { centreService } from '../../services/centre/src/centre.definition';
import { hotlineService } from '../../services/hotline/src/hotline.definition';
import { judicialAppraisalService } from '../../services/judicial-appraisal/src/judicial-appraisal.definition';
import { portalService } from '../../services/portal/src/portal.definition';
import { workOrderService } from '../../services/work-order/src/work-order.definition';

jest.setTimeout(240_000);

type Json = Record<string, unknown>;
interface View {
  workOrderId: string;
  caseCode: string;
  version: number;
  status: string;
  serviceType?: string;
  organisationId?: string;
  timeline: { seq: number; action: string; status: string }[];
  deadlines: { kind: string; dueAt: string; status: string }[];
  statusText?: { headline: string };
}

const REGION = '371324101';
const SLOW = 90_000;
const LINYI = { org: 'org-371300-appraisal', region: '371300', code: '371300001' };
/** Identity gives staff tokens a random subject: the admin designates the head's (PUT /institutions/:code/head). */
const HEAD_SUBJECT = randomUUID();

function randomMobile(): string {
  return `139${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;
}

function shared(view: View): Json {
  return {
    caseCode: view.caseCode,
    version: view.version,
    status: view.status,
    // The portal writes instants in Asia/Shanghai time to the second, the others in UTC: compare seconds.
    deadlines: view.deadlines.map((d) => [d.kind, Math.floor(Date.parse(d.dueAt) / 1000), d.status]),
    timeline: view.timeline.map((e) => [e.seq, e.action, e.status]),
  };
}

describe('judicial appraisal on the three platforms (work-order, portal, hotline, centre, judicial-appraisal)', () => {
  const tag = uniqueTag('e2eja');
  let auth: TestAuthority;
  const running: RunningService[] = [];
  let portal: RunningService;
  let hotline: RunningService;
  let centre: RunningService;
  let appraisal: RunningService;
  let agent: string;
  let clerk: string;
  let appraiser: string;
  let head: string;
  const secrets: Record<string, string> = {};

  const portalView = async (code: string): Promise<View | undefined> => {
    const res = await request(portal.url)
      .get(`/portal/track/${code}`)
      .set('x-access-code', secrets[code] ?? '')
      .set('accept-language', 'zh');
    return res.status === 200 ? (res.body as View) : undefined;
  };
  const centreView = async (code: string): Promise<View | undefined> => {
    const res = await request(centre.url).get(`/work-orders/${code}`).set('authorization', clerk);
    return res.status === 200 ? (res.body as View) : undefined;
  };
  const hotlineView = async (phone: string, code: string): Promise<View | undefined> => {
    const res = await request(hotline.url).post('/caller-history/search').set('authorization', agent).send({ phone });
    if (res.status !== 200) return undefined;
    return (res.body.workOrders.items as View[]).find((v) => v.caseCode === code);
  };
  /** The same version satisfying `ready` on the portal, at the centre and on the hotline. */
  const everywhere = (code: string, phone: string, ready: (v: View) => boolean): Promise<View[]> =>
    waitUntil(
      async () => {
        const views = await Promise.all([portalView(code), centreView(code), hotlineView(phone, code)]);
        if (views.some((v) => v === undefined || !ready(v))) return undefined;
        const [p, c, h] = views as View[];
        return p && c && h && p.version === c.version && c.version === h.version ? (views as View[]) : undefined;
      },
      SLOW,
      `${code} shown alike on portal, centre and hotline`,
      250,
    );
  const post = (path: string, token: string, body: object = {}): request.Test =>
    request(appraisal.url).post(path).set('authorization', token).send(body);

  /** The offer of `code` to the appraisal centre, once recorded. */
  const offerOf = (code: string): Promise<Json> =>
    waitUntil(
      async () => {
        const res = await request(appraisal.url).get('/offers?status=open').set('authorization', appraiser);
        return res.status === 200 ? (res.body.items as Json[]).find((o) => o.caseCode === code) : undefined;
      },
      SLOW,
      `the offer of ${code} reaches the appraisal centre`,
    );

  /** Accepts, decides, pauses and resumes, extends (once), designates two appraisers and issues the opinion. */
  const appraise = async (code: string, party: Json, category: string): Promise<Json> => {
    const offer = await offerOf(code);
    expect(offer.organisationName).toBe('临沂市司法鉴定中心');
    const opened = await post(`/offers/${offer.id as string}/accept`, appraiser, { party, category });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    expect(opened.body).toMatchObject({ caseCode: code, status: 'received', institutionCode: '371300001' });
    const decided = await post(`/entrustments/${id}/decision`, appraiser, { accept: true }).expect(200);
    expect(decided.body.acceptance.timeliness).toBe('met');
    await post(`/entrustments/${id}/term/pause`, appraiser, { reason: '需补充病历资料' }).expect(200);
    const resumed = await post(`/entrustments/${id}/term/resume`, appraiser, {}).expect(200);
    expect(resumed.body.term.status).toBe('running');
    const extension = `/entrustments/${id}/term/extension`;
    const extended = await post(extension, head, { workingDays: 10, reason: '需进行补充检验' }).expect(200);
    expect(extended.body.term.extension).toMatchObject({ workingDays: 10, approvedBy: HEAD_SUBJECT });
    await post(extension, head, { workingDays: 5, reason: '再次延长' }).expect(409);
    const institution = await request(appraisal.url).get('/institutions/371300001').set('authorization', appraiser);
    const qualified = (institution.body.appraisers as { id: string; categories: string[] }[])
      .filter((a) => a.categories.includes(category))
      .map((a) => a.id);
    await post(`/entrustments/${id}/appraisers`, appraiser, { appraiserIds: qualified.slice(0, 2) }).expect(200);
    const issued = await post(`/entrustments/${id}/opinion`, appraiser).expect(200);
    expect(issued.body.term.dueAt).toBe(extended.body.term.dueAt);
    const opinionCode = issued.body.opinionCode as string;
    const check = await request(appraisal.url).get(`/opinions/${opinionCode}/verification`).expect(200);
    expect(check.body).toMatchObject({ valid: true, institution: { code: '371300001', name: '临沂市司法鉴定中心' } });
    // One digit of the serial changed: the check character no longer fits.
    const digit = opinionCode.at(-3) === '0' ? '1' : '0';
    const tampered = `${opinionCode.slice(0, -3)}${digit}${opinionCode.slice(-2)}`;
    const tamperedCheck = await request(appraisal.url).get(`/opinions/${tampered}/verification`).expect(200);
    expect(tamperedCheck.body).toEqual({ code: tampered, valid: false, problem: 'check-character' });
    return issued.body as Json;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    const start = async <S extends RunningService>(p: Promise<S>): Promise<S> => {
      const s = await p;
      running.push(s);
      return s;
    };
    const workOrder = await start(startService(workOrderService, isolatedOverrides(tag, 'work_order', auth.env)));
    appraisal = await start(startService(judicialAppraisalService, isolatedOverrides(tag, 'appraisal', auth.env)));
    hotline = await start(startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env)));
    centre = await start(startService(centreService, isolatedOverrides(tag, 'centre', auth.env)));
    const portalEnv = { ...auth.env, WORK_ORDER_URL: workOrder.url };
    portal = await start(startService(portalService, isolatedOverrides(tag, 'portal', portalEnv)));
    const dutyTeam = { org: 'org-370000-hotline', region: '370000' };
    agent = await auth.bearer({ sub: 'agent-e2e', roles: ['hotline-agent'], ...dutyTeam });
    clerk = await auth.bearer({
      sub: 'clerk-e2e',
      roles: ['centre-clerk'],
      org: 'org-371324-centre',
      region: '371324',
    });
    appraiser = await auth.bearer({ sub: 'appraiser-e2e', roles: ['appraiser'], org: LINYI.org, region: LINYI.region });
    head = await auth.bearer({ sub: HEAD_SUBJECT, roles: ['appraiser'], org: LINYI.org, region: LINYI.region });
    const admin = await auth.bearer({ sub: 'admin-e2e', roles: ['admin'] });
    await request(appraisal.url)
      .put(`/institutions/${LINYI.code}/head`)
      .set('authorization', admin)
      .send({ subject: HEAD_SUBJECT })
      .expect(200);
  });

  afterAll(async () => {
    for (const s of running.reverse()) await s.stop().catch(() => undefined);
  });

  it('takes a portal request for an appraisal to a verified opinion, shown alike on the three platforms', async () => {
    const phone = randomMobile();
    const submitted = await request(portal.url)
      .post('/portal/requests')
      .send({
        serviceType: 'judicial-appraisal',
        regionCode: REGION,
        description: '交通事故受伤，法院审理中需要对伤残等级进行司法鉴定',
        contact: { name: '孙七', phone },
      })
      .expect(202);
    const intake = await waitUntil(
      async () => {
        const res = await request(portal.url).get(`/portal/requests/${submitted.body.intakeId}/status`).expect(200);
        return res.body.caseCode ? (res.body as Json) : undefined;
      },
      SLOW,
      'the portal request has its case code',
    );
    const code = intake.caseCode as string;
    secrets[code] = submitted.body.accessCode as string;

    const opinion = await appraise(code, { kind: 'party', name: '孙七' }, 'forensic-medicine');
    expect(opinion.status).toBe('opinion-issued');

    const [p, c, h] = await everywhere(code, phone, (v) => v.status === 'resolved');
    expect(shared(p as View)).toEqual(shared(c as View));
    expect(shared(c as View)).toEqual(shared(h as View));
    expect(p?.organisationId).toBe(LINYI.org);
    // The work order's clocks follow the handler's: the acceptance decided in time, the extended term met.
    const due = (kind: string): [number, string] | undefined => {
      const d = p?.deadlines.find((x) => x.kind === kind);
      return d && [Math.floor(Date.parse(d.dueAt) / 1000), d.status];
    };
    const term = opinion.term as { dueAt: string };
    expect(due('judicial-appraisal-term')).toEqual([Math.floor(Date.parse(term.dueAt) / 1000), 'met']);
    expect(due('judicial-appraisal-acceptance')?.[1]).toBe('met');
    const text = JSON.stringify(p?.statusText ?? {});
    expect(text).toContain('司法鉴定');
  });

  it('takes an entrustment a partner court sends with its token the same way, under one id and case code', async () => {
    const court = {
      sub: 'court-371324',
      roles: ['partner' as const],
      clientId: 'court-371324',
      org: 'org-371324-court',
    };
    const courtToken = await auth.bearer({ ...court, region: '371324' });
    const body = {
      courtCaseNumber: '(2026)鲁1324民初456号',
      category: 'forensic-medicine',
      matter: '对原告伤情进行法医学鉴定',
      regionCode: REGION,
    };
    await request(appraisal.url).post('/entrustments/partner').send(body).expect(401);
    const sent = await post('/entrustments/partner', courtToken, body).expect(201);
    const id = sent.body.id as string;
    const workOrderId = sent.body.workOrderId as string;
    const offer = await waitUntil(
      async () => {
        const res = await request(appraisal.url).get('/offers?status=open').set('authorization', appraiser);
        return res.status === 200 ? (res.body.items as Json[]).find((o) => o.workOrderId === workOrderId) : undefined;
      },
      SLOW,
      "the offer of the court's work order reaches the appraisal centre",
    );
    const code = offer.caseCode as string;
    // The party the appraiser would name is not used: the court's own record is the entrustment.
    const opinion = await appraise(code, { kind: 'party', name: '某某' }, 'forensic-medicine');
    expect(opinion.id).toBe(id);
    expect(opinion.party).toEqual({ kind: 'court', name: court.org, courtCaseNumber: body.courtCaseNumber });
    await waitUntil(
      async () => ((await centreView(code))?.status === 'resolved' ? true : undefined),
      SLOW,
      'the court entrustment is resolved at the centre',
    );
    const mine = await request(appraisal.url).get(`/entrustments/partner/${id}`).set('authorization', courtToken);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      status: 'opinion-issued',
      caseCode: code,
      institutionName: '临沂市司法鉴定中心',
    });
  });
});
