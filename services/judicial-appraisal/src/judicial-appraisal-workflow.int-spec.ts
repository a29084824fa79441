import { randomUUID } from 'node:crypto';
import { InfoReceived, NeedsInfo, OfferAccepted, Progressed, Resolved } from '@legal/contracts';
import { addWorkingDays, applyDeadlinePause } from '@legal/domain';
import { WorkOrderRouterFixture } from '@legal/handler-kit';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import type { JudicialAppraisalEnv } from './config/judicial-appraisal.env';
import { judicialAppraisalService } from './judicial-appraisal.definition';
import { formatOpinionCode } from './opinions/opinion-code';

jest.setTimeout(90_000);

const DAY = 24 * 3600_000;
const LINYI = { code: '371300001', org: 'org-371300-appraisal', region: '371300' };
/** Identity gives staff tokens a random subject; the admin designates that subject as the institution head. */
const HEAD_SUBJECT = randomUUID();
const court = { kind: 'court', name: '兰陵县人民法院', courtCaseNumber: '(2026)鲁1324民初123号' };
const ordinary = { byLetter: false, complexity: 'ordinary' };

describe('judicial appraisal workflow (real PostgreSQL, Kafka, Redis)', () => {
  const tag = uniqueTag('jawf');
  let auth: TestAuthority;
  let service: RunningService<JudicialAppraisalEnv>;
  let router: WorkOrderRouterFixture;
  let appraiser: string;
  let head: string;
  let appraisers: { id: string; name: string; categories: string[] }[];

  const get = (path: string, token?: string): request.Test => {
    const req = request(service.url).get(path);
    return token ? req.set('authorization', token) : req;
  };
  const post = (path: string, token: string, body: object = {}): request.Test =>
    request(service.url).post(path).set('authorization', token).send(body);
  const put = (path: string, token: string, body: object): request.Test =>
    request(service.url).put(path).set('authorization', token).send(body);
  const forensic = (): string[] =>
    appraisers.filter((a) => a.categories.includes('forensic-medicine')).map((a) => a.id);
  /** Registers an entrustment at the Linyi centre and returns its id. */
  const entrust = async (body: object): Promise<string> => {
    const res = await post('/entrustments', appraiser, { institutionCode: LINYI.code, ...ordinary, ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(judicialAppraisalService, isolatedOverrides(tag, 'appraisal', auth.env));
    router = await WorkOrderRouterFixture.connect(tag, {
      handler: 'judicial-appraisal',
      organisationId: LINYI.org,
      organisationName: '临沂市司法鉴定中心',
      organisationRegionCode: LINYI.region,
      serviceType: 'judicial-appraisal',
      regionCode: '371324101201',
      description: '交通事故致伤，需对伤残等级进行鉴定',
    });
    appraiser = await auth.bearer({ sub: 'appraiser-sun', roles: ['appraiser'], org: LINYI.org, region: LINYI.region });
    head = await auth.bearer({ sub: HEAD_SUBJECT, roles: ['appraiser'], org: LINYI.org, region: LINYI.region });
    const admin = await auth.bearer({ sub: 'admin-zhao', roles: ['admin'] });
    await put(`/institutions/${LINYI.code}/head`, appraiser, { subject: HEAD_SUBJECT }).expect(403);
    await put(`/institutions/${LINYI.code}/head`, admin, { subject: HEAD_SUBJECT }).expect(200);
    const institution = await get(`/institutions/${LINYI.code}`, appraiser).expect(200);
    appraisers = institution.body.appraisers as typeof appraisers;
  });

  afterAll(async () => {
    await router?.close();
    await service?.stop();
  });

  it('takes an offered work order to a timely acceptance, two appraisers and a coded opinion, reported', async () => {
    const offer = router.offer();
    await router.dispatch(offer);
    await waitUntil(
      async () => ((await get(`/offers/${offer.offerId}`, appraiser)).status === 200 ? true : undefined),
      30_000,
      'offer recorded',
    );
    const party = { kind: 'party', name: '张三' };
    const accepted = await post(`/offers/${offer.offerId}/accept`, appraiser, { party, category: 'forensic-medicine' });
    expect(accepted.status).toBe(201);
    const id = accepted.body.id as string;
    expect(accepted.body).toMatchObject({
      status: 'received',
      workOrderId: offer.workOrderId,
      caseCode: offer.caseCode,
      institutionCode: LINYI.code,
    });
    // Received when offered: 7 working days (art. 13) from the offer.
    expect(accepted.body.acceptance.dueAt).toBe(addWorkingDays(new Date(offer.offeredAt), 7).dueAt.toISOString());
    expect(accepted.body.acceptance.explanation).toContain('art. 13');

    const decided = await post(`/entrustments/${id}/decision`, appraiser, { accept: true }).expect(200);
    expect(decided.body).toMatchObject({ status: 'accepted', acceptance: { timeliness: 'met' } });
    const termDue = addWorkingDays(new Date(decided.body.agreementAt as string), 30).dueAt.toISOString();
    expect(decided.body.term.dueAt).toBe(termDue);

    await post(`/entrustments/${id}/opinion`, appraiser).expect(409);
    const [first, second] = forensic();
    await post(`/entrustments/${id}/appraisers`, appraiser, { appraiserIds: [first, first] }).expect(422);
    const assigned = await post(`/entrustments/${id}/appraisers`, appraiser, { appraiserIds: [first, second] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.appraisers).toHaveLength(2);
    expect(assigned.body.appraisersExplanation).toContain('art. 19');

    const issued = await post(`/entrustments/${id}/opinion`, appraiser).expect(200);
    const code = issued.body.opinionCode as string;
    expect(code).toMatch(new RegExp(`^JD-${LINYI.code}-\\d{4}-000001-[0-9X]$`));
    expect(issued.body).toMatchObject({ status: 'opinion-issued', term: { status: 'met' } });

    await router.waitForReports(offer.workOrderId, Resolved.type);
    const reports = router.reportsFor(offer.workOrderId);
    expect(reports.map((e) => [e.type, (e.data as { step?: string }).step])).toEqual([
      [OfferAccepted.type, undefined],
      [Progressed.type, 'entrustment-registered'],
      [Progressed.type, 'entrustment-accepted'],
      [Progressed.type, 'appraisers-assigned'],
      [Resolved.type, undefined],
    ]);
    expect(reports.every((e) => (e.data as { handler: string }).handler === 'judicial-appraisal')).toBe(true);
    expect(reports[1]?.data).toMatchObject({
      deadlines: [{ kind: 'judicial-appraisal-acceptance', dueAt: accepted.body.acceptance.dueAt, status: 'running' }],
    });
    expect(reports[2]?.data).toMatchObject({
      deadlines: [
        { kind: 'judicial-appraisal-acceptance', dueAt: accepted.body.acceptance.dueAt, status: 'met' },
        { kind: 'judicial-appraisal-term', dueAt: termDue, rule: 'working-days', status: 'running' },
      ],
    });
    expect(reports[4]?.data).toMatchObject({
      outcome: 'opinion-issued',
      handlerCaseId: id,
      summary: expect.stringContaining(code),
    });
  });

  it('pauses for materials, resumes with the deadline shifted, extends once, refuses a second extension', async () => {
    const now = Date.now();
    const receivedAt = new Date(now - 20 * DAY);
    const created = await post('/entrustments', appraiser, {
      institutionCode: LINYI.code,
      party: court,
      category: 'physical-evidence',
      matter: '对合同签名笔迹进行鉴定',
      byLetter: true,
      complexity: 'ordinary',
      receivedAt: receivedAt.toISOString(),
    }).expect(201);
    const id = created.body.id as string;
    expect(created.body.acceptance.dueAt).toBe(addWorkingDays(receivedAt, 10).dueAt.toISOString());
    expect(created.body.acceptance.explanation).toContain('函件委托');
    const agreementAt = new Date(now - 18 * DAY);
    const decision = { accept: true, decidedAt: agreementAt.toISOString() };
    await post(`/entrustments/${id}/decision`, appraiser, decision).expect(200);

    const pausedAt = new Date(now - 10 * DAY);
    const pause = { reason: '需补充合同原件', pausedAt: pausedAt.toISOString() };
    const paused = await post(`/entrustments/${id}/term/pause`, appraiser, pause).expect(200);
    const unpaused = addWorkingDays(agreementAt, 30);
    expect(paused.body.term).toMatchObject({ status: 'paused', dueAt: unpaused.dueAt.toISOString() });
    await post(`/entrustments/${id}/term/pause`, appraiser, { reason: 'again' }).expect(409);
    await post(`/entrustments/${id}/opinion`, appraiser).expect(409);

    const resumedAt = new Date(now - 3 * DAY);
    const resumed = await post(`/entrustments/${id}/term/resume`, appraiser, { resumedAt: resumedAt.toISOString() });
    expect(resumed.status).toBe(200);
    const shifted = applyDeadlinePause(unpaused, { pausedAt, resumedAt });
    expect(shifted.dueAt.getTime()).toBeGreaterThan(unpaused.dueAt.getTime());
    expect(resumed.body.term).toMatchObject({ status: 'running', dueAt: shifted.dueAt.toISOString() });
    expect(resumed.body.term.explanation).toContain('需补充合同原件');

    const extension = `/entrustments/${id}/term/extension`;
    const byStaff = await post(extension, appraiser, { workingDays: 10, reason: '疑难' }).expect(403);
    expect(byStaff.body.type).toContain('not-institution-head');
    await post(extension, head, { workingDays: 31, reason: '疑难' }).expect(400);
    const extended = await post(extension, head, { workingDays: 10, reason: '需补充检验' }).expect(200);
    const extendedDue = applyDeadlinePause(addWorkingDays(agreementAt, 40), { pausedAt, resumedAt });
    expect(extended.body.term).toMatchObject({
      dueAt: extendedDue.dueAt.toISOString(),
      extension: { workingDays: 10, approvedBy: HEAD_SUBJECT },
    });
    const second = await post(extension, head, { workingDays: 5, reason: '再次延长' }).expect(409);
    expect(second.body.type).toContain('extension-already-granted');

    const history = await get(`/entrustments/${id}/history`, appraiser).expect(200);
    expect(history.body.items.map((h: { step: string }) => h.step)).toEqual([
      'entrustment-received',
      'entrustment-accepted',
      'term-paused',
      'term-resumed',
      'term-extended',
    ]);
  });

  it('verifies an issued opinion code publicly (institution, time) and refuses a tampered or unknown one', async () => {
    const id = await entrust({
      party: { kind: 'party', name: '李四' },
      category: 'forensic-medicine',
      matter: '伤残等级',
    });
    await post(`/entrustments/${id}/decision`, appraiser, { accept: true }).expect(200);
    await post(`/entrustments/${id}/appraisers`, appraiser, { appraiserIds: forensic() }).expect(200);
    const issued = await post(`/entrustments/${id}/opinion`, appraiser).expect(200);
    const code = issued.body.opinionCode as string;

    const valid = await get(`/opinions/${code}/verification`).expect(200);
    expect(valid.body).toEqual({
      code,
      valid: true,
      institution: { code: LINYI.code, name: '临沂市司法鉴定中心' },
      issuedAt: issued.body.opinionIssuedAt,
    });
    expect(JSON.stringify(valid.body)).not.toContain('李四');

    const serial = code.slice(-8, -2);
    const tamperedSerial = String((Number(serial) + 1) % 1_000_000).padStart(6, '0');
    const tampered = `${code.slice(0, -8)}${tamperedSerial}${code.slice(-2)}`;
    const refused = await get(`/opinions/${tampered}/verification`).expect(200);
    expect(refused.body).toEqual({ code: tampered, valid: false, problem: 'check-character' });

    const unknown = formatOpinionCode({ institutionCode: LINYI.code, year: 2026, serial: 999_999 });
    const notIssued = await get(`/opinions/${unknown}/verification`).expect(200);
    expect(notIssued.body).toEqual({ code: unknown, valid: false, problem: 'not-issued' });
    const malformed = await get('/opinions/not-a-code/verification').expect(200);
    expect(malformed.body).toEqual({ code: 'NOT-A-CODE', valid: false, problem: 'malformed' });
  });

  it('limits the public verification to 60 requests a minute per address', async () => {
    const code = formatOpinionCode({ institutionCode: LINYI.code, year: 2026, serial: 424_242 });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await get(`/opinions/${code}/verification`)).status);
    // The test before this one made a few verifications from this address in the same minute.
    const refusedFrom = statuses.indexOf(429);
    expect(refusedFrom).toBeGreaterThanOrEqual(50);
    expect(statuses.slice(0, refusedFrom).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(refusedFrom).every((s) => s === 429)).toBe(true);
  });

  it('enforces roles and jurisdiction: other institutions, other cities and other roles are refused', async () => {
    const id = await entrust({ party: court, category: 'forensic-medicine', matter: '伤情鉴定' });
    type StaffRole = 'appraiser' | 'supervisor' | 'mediator';
    const bearer = (sub: string, role: StaffRole, org: string, region: string): Promise<string> =>
      auth.bearer({ sub, roles: [role], org, region });
    const jinanAppraiser = await bearer('appraiser-jinan', 'appraiser', 'org-370100-appraisal', '370100');
    const linyiSupervisor = await bearer('sup-linyi', 'supervisor', 'org-371300-justice', '371300');
    const jinanSupervisor = await bearer('sup-jinan', 'supervisor', 'org-370100-justice', '370100');
    const mediator = await bearer('mediator-wang', 'mediator', 'org-371324-mediation', '371324');

    await get(`/entrustments/${id}`).expect(401);
    await get(`/entrustments/${id}`, mediator).expect(403);
    await get(`/entrustments/${id}`, jinanAppraiser).expect(403);
    await post(`/entrustments/${id}/decision`, jinanAppraiser, { accept: true }).expect(403);
    await get(`/entrustments/${id}`, jinanSupervisor).expect(403);
    await get(`/entrustments/${id}`, linyiSupervisor).expect(200);
    // Supervisors read; only the institution's appraisers act.
    await post(`/entrustments/${id}/decision`, linyiSupervisor, { accept: true }).expect(403);
    const foreign = { ...ordinary, institutionCode: LINYI.code, party: court, category: 'audio-visual', matter: 'x' };
    await post('/entrustments', jinanAppraiser, foreign).expect(403);
    const jinanList = await get('/entrustments', jinanAppraiser).expect(200);
    expect(jinanList.body.items.map((e: { id: string }) => e.id)).not.toContain(id);
    const linyiList = await get('/entrustments', linyiSupervisor).expect(200);
    expect(linyiList.body.items.map((e: { id: string }) => e.id)).toContain(id);

    const invalid = await post('/entrustments', appraiser, {
      institutionCode: LINYI.code,
      party: { kind: 'court', name: '兰陵县人民法院' },
      category: 'forensic-medicine',
      matter: 'x',
      byLetter: false,
      complexity: 'complex',
    }).expect(400);
    const fields = invalid.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['agreedAcceptanceWorkingDays', 'party.courtCaseNumber']);
  });

  it("refuses an offer to the Linyi centre to another Linyi institution's appraiser (same city)", async () => {
    const offer = router.offer();
    await router.dispatch(offer);
    await waitUntil(
      async () => ((await get(`/offers/${offer.offerId}`, appraiser)).status === 200 ? true : undefined),
      30_000,
      'offer recorded',
    );
    const org = 'org-371300-appraisal-2';
    const neighbour = await auth.bearer({ sub: 'appraiser-other', roles: ['appraiser'], org, region: LINYI.region });
    const party = { kind: 'party', name: '李四' };
    const accept = await post(`/offers/${offer.offerId}/accept`, neighbour, { party, category: 'forensic-medicine' });
    expect(accept.status).toBe(403);
    expect(accept.body.code).toBe('other-organisation');
    const full = { reasonCode: 'no-capacity', reason: '本机构本月已满负荷，无法承接' };
    const reject = await post(`/offers/${offer.offerId}/reject`, neighbour, full);
    expect(reject.status).toBe(403);
    expect((await get(`/offers/${offer.offerId}`, appraiser).expect(200)).body.status).toBe('open');
    const own = await post(`/offers/${offer.offerId}/accept`, appraiser, { party, category: 'forensic-medicine' });
    expect(own.status).toBe(201);
  });

  it('reports a pause for materials as needs-info to the work order, and their arrival as info-received', async () => {
    const offer = router.offer();
    await router.dispatch(offer);
    await waitUntil(
      async () => ((await get(`/offers/${offer.offerId}`, appraiser)).status === 200 ? true : undefined),
      30_000,
      'offer recorded',
    );
    const party = { kind: 'party', name: '王五' };
    const accepted = await post(`/offers/${offer.offerId}/accept`, appraiser, { party, category: 'forensic-medicine' });
    expect(accepted.status).toBe(201);
    const id = accepted.body.id as string;
    await post(`/entrustments/${id}/decision`, appraiser, { accept: true }).expect(200);
    await post(`/entrustments/${id}/term/pause`, appraiser, { reason: '需补充病历资料' }).expect(200);
    const [needs] = await router.waitForReports(offer.workOrderId, NeedsInfo.type);
    expect(needs?.data).toMatchObject({
      handler: 'judicial-appraisal',
      handlerCaseId: id,
      missingItems: [{ code: 'supplementary-materials', label: '需补充病历资料' }],
      pausesClock: true,
    });
    await post(`/entrustments/${id}/term/resume`, appraiser, {}).expect(200);
    const [received] = await router.waitForReports(offer.workOrderId, InfoReceived.type);
    expect(received?.data).toMatchObject({ handlerCaseId: id, receivedItems: ['supplementary-materials'] });
  });
});
