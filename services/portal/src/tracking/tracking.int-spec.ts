import { EvaluationSubmitted, IntakeSubmitted, prefixedTopic, TOPICS } from '@legal/contracts';
import { accessCodeHash, toShanghaiTime, WorkOrderViewService } from '@legal/platform-kit';
import { waitForEvent } from '@legal/messaging';
import { PiiProtector } from '@legal/privacy';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import {
  isolatedOverrides,
  runningDeadline,
  TestAuthority,
  testCaseCode,
  uniqueTag,
  waitUntil,
  WorkOrderScript,
  WorkOrderStreamFixture,
} from '@legal/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { PortalEnv } from '../config/portal.env';
import { portalService } from '../portal.definition';

const BROKERS = ['127.0.0.1:9092'];

jest.setTimeout(120_000);

describe('portal tracking, evaluation and complaints over the work-order read model (real stack)', () => {
  const tag = uniqueTag('ptrack');
  let auth: TestAuthority;
  let portal: RunningService<PortalEnv>;
  let stream: WorkOrderStreamFixture;
  let phoneHash: string;
  let secret: string;
  /** The access code given with the request, and another one nobody was given. */
  const ACCESS_CODE = 'K7QM4-X2PRT';
  const OTHER_CODE = 'K7QM4-X2PRU';

  // Each call comes from its own source address (the portal trusts the loopback proxy), as citizens do.
  const from =
    (ip: string) =>
    (req: request.Test): request.Test =>
      req.set('x-forwarded-for', ip);
  const owner = from('198.51.100.9');
  const track = (code: string, accessCode: string, lang = 'en'): request.Test =>
    owner(request(portal.url).get(`/portal/track/${code}`).query({ lang }).set('x-access-code', accessCode));
  const projected = async (script: WorkOrderScript): Promise<void> => {
    const views = portal.app.get(WorkOrderViewService);
    await waitUntil(
      async () => (await views.findByCode(script.caseCode))?.version === script.version,
      30000,
      `${script.caseCode} v${script.version} projected`,
    );
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    portal = await startService(portalService, {
      ...isolatedOverrides(tag, 'portal', auth.env),
      TRUSTED_PROXIES: '127.0.0.1,::1,::ffff:127.0.0.1',
    });
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    const pii = portal.app.get(PiiProtector);
    phoneHash = pii.hash('13812345678');
    secret = accessCodeHash(pii, ACCESS_CODE);
  });

  afterAll(async () => {
    await stream?.close();
    await portal?.stop();
  });

  it('projects every change in version order, ignores a replayed older version, and tracks by code plus the access code', async () => {
    const script = new WorkOrderScript({
      citizen: { phoneHash, phoneLast4: '5678', displayName: '张*', userId: 'citizen-7', accessCodeHash: secret },
    });
    const v1 = script.next('received', {}, 'intake-registered', 'system');
    const v2 = script.next(
      'accepted',
      {
        organisationId: 'org-371324-legal-aid',
        organisationName: '兰陵县法律援助中心',
        handler: 'legal-aid',
        deadlines: [runningDeadline('legal-aid-decision', 7)],
      },
      'offer-accepted',
      'legal-aid-officer',
    );
    await stream.changed(v1);
    await stream.changed(v2);
    await projected(script);
    await stream.changed(v1); // redelivered/replayed older version
    const marker = new WorkOrderScript({ citizen: { phoneLast4: '5678', accessCodeHash: secret } });
    await stream.changed(marker.next('received'));
    await projected(marker);
    const res = await track(script.caseCode, 'k7qm4 x2prt').expect(200);
    expect(res.body).toMatchObject({
      workOrderId: script.workOrderId,
      caseCode: script.caseCode,
      version: 2,
      status: 'accepted',
      organisationName: '兰陵县法律援助中心',
      citizen: { phoneLast4: '5678', displayName: '张*' },
      platforms: ['portal'],
    });
    expect(res.body.timeline.map((e: { seq: number; status: string }) => [e.seq, e.status])).toEqual([
      [1, 'received'],
      [2, 'accepted'],
    ]);
    expect(res.body.statusText.headline).toMatch(
      /^Your legal-aid application is being reviewed by 兰陵县法律援助中心; a decision is due by \d+ \w+/,
    );
    // Citizens read Beijing time with its offset: the same instant as the deadline's.
    expect(res.body.statusText.expectedBy).toBe(toShanghaiTime(v2.deadlines[0]?.dueAt ?? ''));
    expect(Date.parse(res.body.statusText.expectedBy)).toBe(
      Math.floor(Date.parse(v2.deadlines[0]?.dueAt ?? '') / 1000) * 1000,
    );
    expect(JSON.stringify(res.body)).not.toContain(phoneHash);
    expect(JSON.stringify(res.body)).not.toContain(secret);
    const zh = await track(script.caseCode, ACCESS_CODE, 'zh').expect(200);
    expect(zh.body.statusText.headline).toContain('将于');

    const metrics = await request(portal.url).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /platform_read_model_lag_seconds_count\{[^}]*projection="work_order_view"[^}]*\} [1-9]/,
    );
  });

  it('answers the same 404 for a wrong, missing or malformed access code as for an unknown code, and the phone’s last four digits no longer open a case', async () => {
    const script = new WorkOrderScript({ citizen: { phoneLast4: '5678', accessCodeHash: secret } });
    await stream.changed(script.next('received'));
    await projected(script);
    const wrong = await track(script.caseCode, OTHER_CODE).expect(404);
    const unknown = await track(testCaseCode(), ACCESS_CODE).expect(404);
    const malformed = await track(script.caseCode, '5678').expect(404);
    const missing = await owner(request(portal.url).get(`/portal/track/${script.caseCode}`)).expect(404);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Identical answers: only the case code asked about differs.
    const same = (body: Record<string, unknown>, code: string): string =>
      JSON.stringify({ ...body, correlationId: undefined, instance: undefined }).replaceAll(code, '<code>');
    const unknownCode = unknown.body.detail.match(/\d{6}-\d{8}-\d{6}-./)?.[0] ?? '';
    expect(same(wrong.body, script.caseCode)).toBe(same(unknown.body, unknownCode));
    expect(same(malformed.body, script.caseCode)).toBe(same(wrong.body, script.caseCode));
    expect(same(missing.body, script.caseCode)).toBe(same(wrong.body, script.caseCode));
    expect(wrong.body.detail).not.toMatch(/access|digits|secret/i);
    expect(wrong.body.instance).toBe(`/portal/track/${script.caseCode}?lang=en`); // the secret is never echoed
    // The old second factor is gone: the digits are refused as an unknown parameter, never checked; a secret in the URL too.
    await owner(request(portal.url).get(`/portal/track/${script.caseCode}`).query({ phoneLast4: '5678' })).expect(400);
    await owner(request(portal.url).get(`/portal/track/${script.caseCode}`).query({ accessCode: ACCESS_CODE })).expect(
      400,
    );
    await track('not-a-code', ACCESS_CODE).expect(400);
  });

  it('lets the owner in with the right access code however many wrong guesses others made on the same case (limits count per source, never per case alone)', async () => {
    const script = new WorkOrderScript({ citizen: { phoneLast4: '5678', accessCodeHash: secret } });
    await stream.changed(script.next('accepted', { organisationId: 'org-371324-legal-aid', handler: 'legal-aid' }));
    await projected(script);
    const guesser = from('203.0.113.7');
    let limited = 0;
    for (let i = 0; i < 40; i += 1) {
      const res = await guesser(
        request(portal.url)
          .get(`/portal/track/${script.caseCode}`)
          .set('x-access-code', `K7QM4-X2P${'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[i % 31]}${i < 31 ? 'A' : 'B'}`),
      );
      expect([404, 429]).toContain(res.status);
      if (res.status === 429) limited += 1;
    }
    expect(limited).toBeGreaterThan(0); // the guesser is slowed down ...
    for (const ip of ['203.0.113.8', '203.0.113.9']) {
      for (let i = 0; i < 25; i += 1)
        await from(ip)(
          request(portal.url).get(`/portal/track/${script.caseCode}`).set('x-access-code', OTHER_CODE),
        ).expect(404);
    }
    const ok = await track(script.caseCode, ACCESS_CODE).expect(200); // ... the owner is not
    expect(ok.body).toMatchObject({ caseCode: script.caseCode, status: 'accepted' });
    await owner(
      request(portal.url)
        .post('/portal/evaluations')
        .send({ caseCode: script.caseCode, accessCode: ACCESS_CODE, score: 4 }),
    ).expect(409);
  });

  it('shows a signed-in citizen their work orders from every platform under “my requests” (by account or by phone)', async () => {
    const byPhone = new WorkOrderScript({
      originPlatform: 'hotline',
      platforms: ['hotline'],
      citizen: { phoneHash, phoneLast4: '5678' },
    });
    const byAccount = new WorkOrderScript({ citizen: { userId: 'citizen-mine', phoneLast4: '0000' } });
    await stream.changed(byPhone.next('received'));
    await stream.changed(byAccount.next('received'));
    await projected(byPhone);
    const token = await auth.bearer({ sub: 'citizen-mine', roles: ['citizen'], phone: '+86 138-1234-5678' });
    const mine = await waitUntil(
      async () => {
        const r = await request(portal.url).get('/portal/my/requests').set('authorization', token).expect(200);
        const codes = r.body.items.map((i: { caseCode: string }) => i.caseCode);
        return codes.includes(byPhone.caseCode) && codes.includes(byAccount.caseCode) ? r.body : undefined;
      },
      30000,
      'both work orders listed',
    );
    expect(mine.total).toBeGreaterThanOrEqual(2);
    const other = await auth.bearer({ sub: 'someone-else', roles: ['citizen'], phone: '13700000000' });
    const theirs = await request(portal.url).get('/portal/my/requests').set('authorization', other).expect(200);
    expect(theirs.body.total).toBe(0);
  });

  it('accepts one evaluation per resolved work order, publishes it, and refuses early or repeated ones (409)', async () => {
    const script = new WorkOrderScript({ citizen: { phoneLast4: '5678', accessCodeHash: secret } });
    await stream.changed(script.next('in-progress', { organisationId: 'org-371324-legal-aid', handler: 'legal-aid' }));
    await projected(script);
    const body = { caseCode: script.caseCode, accessCode: ACCESS_CODE, score: 2, comment: '律师很久没有联系我' };
    const early = await request(portal.url).post('/portal/evaluations').send(body).expect(409);
    expect(early.body.code).toBe('work-order-not-resolved');
    await stream.changed(script.next('resolved', {}, 'resolved', 'legal-aid-officer'));
    await projected(script);
    await request(portal.url)
      .post('/portal/evaluations')
      .send({ ...body, accessCode: OTHER_CODE })
      .expect(404);
    await request(portal.url)
      .post('/portal/evaluations')
      .send({ ...body, accessCode: undefined })
      .expect(404);
    const ok = await request(portal.url)
      .post('/portal/evaluations')
      .set('idempotency-key', randomUUID())
      .send(body)
      .expect(201);
    expect(ok.body).toMatchObject({
      workOrderId: script.workOrderId,
      caseCode: script.caseCode,
      score: 2,
      reopens: true,
    });
    const event = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.feedback.name),
      (e) => (e.data as { evaluationId?: string }).evaluationId === ok.body.evaluationId,
    );
    expect(event.type).toBe(EvaluationSubmitted.type);
    expect(event.subject).toBe(script.workOrderId);
    expect(event.data).toMatchObject({
      workOrderId: script.workOrderId,
      score: 2,
      comment: '律师很久没有联系我',
      platform: 'portal',
    });
    const again = await request(portal.url)
      .post('/portal/evaluations')
      .send({ ...body, score: 5 })
      .expect(409);
    expect(again.body.code).toBe('already-evaluated');
    await request(portal.url)
      .post('/portal/evaluations')
      .send({ ...body, score: 6 })
      .expect(400);
  });

  it('files a complaint as its own intake, and never shows the complainant to the organisation complained about', async () => {
    const original = new WorkOrderScript({
      citizen: { phoneHash, phoneLast4: '5678', displayName: '张*', accessCodeHash: secret },
    });
    await stream.changed(original.next('resolved', { organisationId: 'org-371324-legal-aid', handler: 'legal-aid' }));
    await projected(original);
    await request(portal.url)
      .post('/portal/complaints')
      .send({
        relatedCaseCode: original.caseCode,
        accessCode: OTHER_CODE,
        description: '律师不回电话',
        contact: { phone: '13812345678' },
      })
      .expect(404);
    const filed = await request(portal.url)
      .post('/portal/complaints')
      .set('idempotency-key', randomUUID())
      .send({
        relatedCaseCode: original.caseCode,
        accessCode: ACCESS_CODE,
        description: '承办律师一个多月没有联系我',
        contact: { name: '张三', phone: '13812345678' },
      })
      .expect(202);
    expect(filed.body.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(filed.body.accessCode).not.toBe(ACCESS_CODE);
    const intake = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.intakeSubmitted.name),
      (e) => (e.data as { intakeId?: string }).intakeId === filed.body.intakeId,
    );
    expect(intake.type).toBe(IntakeSubmitted.type);
    expect(intake.data).toMatchObject({
      serviceType: 'complaint',
      relatedCaseCode: original.caseCode,
      regionCode: '371324101',
      platform: 'portal',
    });
    expect((intake.data as { accessCodeHash?: string }).accessCodeHash).toBe(
      accessCodeHash(portal.app.get(PiiProtector), filed.body.accessCode),
    );

    // The work-order service routes it to an independent supervision unit.
    const complaint = new WorkOrderScript({
      serviceType: 'complaint',
      relatedCaseCode: original.caseCode,
      complaintAgainstOrganisationId: 'org-371324-legal-aid',
      citizen: { phoneHash, phoneLast4: '5678', displayName: '张*' },
    });
    await stream.changed(
      complaint.next('accepted', { organisationId: 'org-371324-supervision', handler: 'supervision' }),
    );
    await projected(complaint);
    const entry = {
      ...complaint.next('in-progress', {}, 'note-added', 'supervisor'),
      entry: {
        seq: 2,
        at: new Date().toISOString(),
        action: 'note-added',
        actorRole: 'supervisor',
        actorId: 'sup-1',
        note: '已联系投诉人张三',
      },
    };
    await stream.changed(entry);
    await projected(complaint);

    // The complained-about organisation (in whose county it lies) finds no such case (issue 13 finding 7):
    // not the complaint, not its notes, not who complained; through the original case code it sees the
    // original only, with nothing of the complaint.
    const accused = await auth.bearer({ roles: ['legal-aid-officer'], org: 'org-371324-legal-aid', region: '371324' });
    const hidden = await request(portal.url)
      .get(`/portal/staff/work-orders/${complaint.caseCode}`)
      .set('authorization', accused)
      .expect(404);
    expect(JSON.stringify(hidden.body)).not.toMatch(/5678|张|sup-1|联系/);
    const originalSeen = await request(portal.url)
      .get(`/portal/staff/work-orders/${original.caseCode}`)
      .set('authorization', accused)
      .expect(200);
    expect(JSON.stringify(originalSeen.body)).not.toContain(complaint.caseCode);

    const unit = await auth.bearer({ roles: ['supervisor'], org: 'org-371324-supervision', region: '371324' });
    const seenByUnit = await request(portal.url)
      .get(`/portal/staff/work-orders/${complaint.caseCode}`)
      .set('authorization', unit)
      .expect(200);
    expect(seenByUnit.body.citizen).toEqual({ phoneLast4: '5678', displayName: '张*' });
    expect(seenByUnit.body.complaintAgainstOrganisationId).toBe('org-371324-legal-aid');

    const elsewhere = await auth.bearer({ roles: ['centre-clerk'], org: 'org-370102-centre', region: '370102' });
    await request(portal.url)
      .get(`/portal/staff/work-orders/${complaint.caseCode}`)
      .set('authorization', elsewhere)
      .expect(404);
    await request(portal.url)
      .get(`/portal/staff/work-orders/${complaint.caseCode}`)
      .set('authorization', await auth.bearer({ roles: ['citizen'] }))
      .expect(403);
  });
  it('after a reopen moved the case, a complaint about the organisation that handled it stays invisible to that organisation (issue 13 finding 7)', async () => {
    const original = new WorkOrderScript({
      citizen: { phoneHash, phoneLast4: '5678', displayName: '张*', accessCodeHash: secret },
    });
    await stream.changed(original.next('accepted', { organisationId: 'org-371324-legal-aid', handler: 'legal-aid' }));
    await stream.changed(original.next('resolved', {}, 'resolved', 'legal-aid-officer'));
    await stream.changed(
      original.next('reopened', { organisationId: undefined, handler: undefined }, 'reopened', 'citizen'),
    );
    await stream.changed(
      original.next('offered', { organisationId: 'org-371300-legal-aid', handler: 'legal-aid' }, 'offered', 'system'),
    );
    await projected(original);
    // What the work-order service now carries: the complaint is recorded against the organisation that
    // handled the matter (county legal aid), not the one the reopen offered it to (city legal aid).
    const complaint = new WorkOrderScript({
      serviceType: 'complaint',
      relatedCaseCode: original.caseCode,
      complaintAgainstOrganisationId: 'org-371324-legal-aid',
      citizen: { phoneHash, phoneLast4: '5678', displayName: '张*' },
    });
    await stream.changed(
      complaint.next('accepted', { organisationId: 'org-371300-centre', handler: 'external-agency' }),
    );
    await stream.changed({
      ...complaint.next('in-progress', {}, 'note-added', 'centre-clerk'),
      entry: {
        seq: 2,
        at: new Date().toISOString(),
        action: 'note-added',
        actorRole: 'centre-clerk',
        actorId: 'clerk-unit',
        note: '已联系投诉人张三',
      },
    });
    await projected(complaint);

    const accused = await auth.bearer({ roles: ['legal-aid-officer'], org: 'org-371324-legal-aid', region: '371324' });
    const hidden = await request(portal.url)
      .get(`/portal/staff/work-orders/${complaint.caseCode}`)
      .set('authorization', accused)
      .expect(404);
    expect(JSON.stringify(hidden.body)).not.toMatch(/5678|张|clerk-unit/);
    const viaOriginal = await request(portal.url)
      .get(`/portal/staff/work-orders/${original.caseCode}`)
      .set('authorization', accused)
      .expect(200);
    expect(JSON.stringify(viaOriginal.body)).not.toContain(complaint.caseCode);

    const unit = await auth.bearer({ roles: ['centre-clerk'], org: 'org-371300-centre', region: '371300' });
    const seenByUnit = await request(portal.url)
      .get(`/portal/staff/work-orders/${complaint.caseCode}`)
      .set('authorization', unit)
      .expect(200);
    expect(seenByUnit.body).toMatchObject({
      relatedCaseCode: original.caseCode,
      complaintAgainstOrganisationId: 'org-371324-legal-aid',
      citizen: { phoneLast4: '5678', displayName: '张*' },
    });
    expect(seenByUnit.body.timeline.map((e: { note?: string }) => e.note)).toContain('已联系投诉人张三');
    const supervisor = await auth.bearer({ roles: ['supervisor'], org: 'org-370000-supervision', region: '370000' });
    await request(portal.url)
      .get(`/portal/staff/work-orders/${complaint.caseCode}`)
      .set('authorization', supervisor)
      .expect(200);
    // The organisation the reopen offered the case to is not the one complained about.
    const newHolder = await auth.bearer({
      roles: ['legal-aid-officer'],
      org: 'org-371300-legal-aid',
      region: '371300',
    });
    await request(portal.url)
      .get(`/portal/staff/work-orders/${complaint.caseCode}`)
      .set('authorization', newHolder)
      .expect(200);
  });
});
