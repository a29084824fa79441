import { EvaluationSubmitted, IntakeSubmitted, prefixedTopic, TOPICS } from '@legal/contracts';
import { waitForEvent } from '@legal/messaging';
import { PiiProtector } from '@legal/privacy';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, runningDeadline, TestAuthority, testCaseCode, uniqueTag, waitUntil, WorkOrderScript, WorkOrderStreamFixture } from '@legal/testing';
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

  const track = (code: string, digits: string, lang = 'en'): request.Test => request(portal.url).get(`/portal/track/${code}`).query({ phoneLast4: digits, lang });
  const projected = async (script: WorkOrderScript): Promise<void> => {
    await waitUntil(async () => (await track(script.caseCode, '5678')).body.version === script.version, 30000, `${script.caseCode} v${script.version} projected`);
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    portal = await startService(portalService, isolatedOverrides(tag, 'portal', auth.env));
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    phoneHash = new PiiProtector(portal.env.PII_HASH_KEY, portal.env.PII_ENCRYPTION_KEY, portal.env.PII_KEYRING).hash('13812345678');
  });

  afterAll(async () => {
    await stream?.close();
    await portal?.stop();
  });

  it('projects every change in version order, ignores a replayed older version, and tracks by code plus the last four digits', async () => {
    const script = new WorkOrderScript({ citizen: { phoneHash, phoneLast4: '5678', displayName: '张*', userId: 'citizen-7' } });
    const v1 = script.next('received', {}, 'intake-registered', 'system');
    const v2 = script.next('accepted', { organisationId: 'org-371324-legal-aid', organisationName: '兰陵县法律援助中心', handler: 'legal-aid', deadlines: [runningDeadline('legal-aid-decision', 7)] }, 'offer-accepted', 'legal-aid-officer');
    await stream.changed(v1);
    await stream.changed(v2);
    await projected(script);
    await stream.changed(v1); // redelivered/replayed older version
    const marker = new WorkOrderScript({ citizen: { phoneLast4: '5678' } });
    await stream.changed(marker.next('received'));
    await projected(marker);
    const res = await track(script.caseCode, '5678').expect(200);
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
    expect(res.body.statusText.headline).toMatch(/^Your legal-aid application is being reviewed by 兰陵县法律援助中心; a decision is due by \d+ \w+/);
    expect(res.body.statusText.expectedBy).toBe(v2.deadlines[0]?.dueAt);
    expect(JSON.stringify(res.body)).not.toContain(phoneHash);
    const zh = await track(script.caseCode, '5678', 'zh').expect(200);
    expect(zh.body.statusText.headline).toContain('将于');

    const metrics = await request(portal.url).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/platform_read_model_lag_seconds_count\{[^}]*projection="work_order_view"[^}]*\} [1-9]/);
  });

  it('answers the same 404 for wrong digits as for an unknown code, and 400 for something that is not a case code', async () => {
    const script = new WorkOrderScript({ citizen: { phoneLast4: '5678' } });
    await stream.changed(script.next('received'));
    await projected(script);
    const wrong = await track(script.caseCode, '1234').expect(404);
    const unknown = await track(testCaseCode(), '5678').expect(404);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Object.keys(wrong.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect(wrong.body.code).toBe(unknown.body.code);
    expect(wrong.body.detail).not.toContain('digits');
    await track('not-a-code', '5678').expect(400);
    await request(portal.url).get(`/portal/track/${script.caseCode}`).query({ phoneLast4: '12a4' }).expect(400);
  });

  it('shows a signed-in citizen their work orders from every platform under “my requests” (by account or by phone)', async () => {
    const byPhone = new WorkOrderScript({ originPlatform: 'hotline', platforms: ['hotline'], citizen: { phoneHash, phoneLast4: '5678' } });
    const byAccount = new WorkOrderScript({ citizen: { userId: 'citizen-mine', phoneLast4: '0000' } });
    await stream.changed(byPhone.next('received'));
    await stream.changed(byAccount.next('received'));
    await projected(byPhone);
    const token = await auth.bearer({ sub: 'citizen-mine', roles: ['citizen'], phone: '+86 138-1234-5678' });
    const mine = await waitUntil(async () => {
      const r = await request(portal.url).get('/portal/my/requests').set('authorization', token).expect(200);
      const codes = r.body.items.map((i: { caseCode: string }) => i.caseCode);
      return codes.includes(byPhone.caseCode) && codes.includes(byAccount.caseCode) ? r.body : undefined;
    }, 30000, 'both work orders listed');
    expect(mine.total).toBeGreaterThanOrEqual(2);
    const other = await auth.bearer({ sub: 'someone-else', roles: ['citizen'], phone: '13700000000' });
    const theirs = await request(portal.url).get('/portal/my/requests').set('authorization', other).expect(200);
    expect(theirs.body.total).toBe(0);
  });

  it('accepts one evaluation per resolved work order, publishes it, and refuses early or repeated ones (409)', async () => {
    const script = new WorkOrderScript({ citizen: { phoneLast4: '5678' } });
    await stream.changed(script.next('in-progress', { organisationId: 'org-371324-legal-aid', handler: 'legal-aid' }));
    await projected(script);
    const body = { caseCode: script.caseCode, phoneLast4: '5678', score: 2, comment: '律师很久没有联系我' };
    const early = await request(portal.url).post('/portal/evaluations').send(body).expect(409);
    expect(early.body.code).toBe('not-resolved');
    await stream.changed(script.next('resolved', {}, 'resolved', 'legal-aid-officer'));
    await projected(script);
    await request(portal.url).post('/portal/evaluations').send({ ...body, phoneLast4: '0000' }).expect(404);
    const ok = await request(portal.url).post('/portal/evaluations').set('idempotency-key', randomUUID()).send(body).expect(201);
    expect(ok.body).toMatchObject({ workOrderId: script.workOrderId, caseCode: script.caseCode, score: 2, reopens: true });
    const event = await waitForEvent(BROKERS, prefixedTopic(tag, TOPICS.feedback.name), (e) => (e.data as { evaluationId?: string }).evaluationId === ok.body.evaluationId);
    expect(event.type).toBe(EvaluationSubmitted.type);
    expect(event.subject).toBe(script.workOrderId);
    expect(event.data).toMatchObject({ workOrderId: script.workOrderId, score: 2, comment: '律师很久没有联系我', platform: 'portal' });
    const again = await request(portal.url).post('/portal/evaluations').send({ ...body, score: 5 }).expect(409);
    expect(again.body.code).toBe('already-evaluated');
    await request(portal.url).post('/portal/evaluations').send({ ...body, score: 6 }).expect(400);
  });

  it('files a complaint as its own intake, and never shows the complainant to the organisation complained about', async () => {
    const original = new WorkOrderScript({ citizen: { phoneHash, phoneLast4: '5678', displayName: '张*' } });
    await stream.changed(original.next('resolved', { organisationId: 'org-371324-legal-aid', handler: 'legal-aid' }));
    await projected(original);
    await request(portal.url)
      .post('/portal/complaints')
      .send({ relatedCaseCode: original.caseCode, phoneLast4: '9999', description: '律师不回电话', contact: { phone: '13812345678' } })
      .expect(404);
    const filed = await request(portal.url)
      .post('/portal/complaints')
      .set('idempotency-key', randomUUID())
      .send({ relatedCaseCode: original.caseCode, phoneLast4: '5678', description: '承办律师一个多月没有联系我', contact: { name: '张三', phone: '13812345678' } })
      .expect(202);
    const intake = await waitForEvent(BROKERS, prefixedTopic(tag, TOPICS.intakeSubmitted.name), (e) => (e.data as { intakeId?: string }).intakeId === filed.body.intakeId);
    expect(intake.type).toBe(IntakeSubmitted.type);
    expect(intake.data).toMatchObject({ serviceType: 'complaint', relatedCaseCode: original.caseCode, regionCode: '371324101', platform: 'portal' });

    // The work-order service routes it to an independent supervision unit.
    const complaint = new WorkOrderScript({
      serviceType: 'complaint',
      relatedCaseCode: original.caseCode,
      complaintAgainstOrganisationId: 'org-371324-legal-aid',
      citizen: { phoneHash, phoneLast4: '5678', displayName: '张*' },
    });
    await stream.changed(complaint.next('accepted', { organisationId: 'org-371324-supervision', handler: 'supervision' }));
    await projected(complaint);
    const entry = { ...complaint.next('in-progress', {}, 'note-added', 'supervisor'), entry: { seq: 2, at: new Date().toISOString(), action: 'note-added', actorRole: 'supervisor', actorId: 'sup-1', note: '已联系投诉人张三' } };
    await stream.changed(entry);
    await projected(complaint);

    const accused = await auth.bearer({ roles: ['legal-aid-officer'], org: 'org-371324-legal-aid', region: '371324' });
    const seenByAccused = await request(portal.url).get(`/portal/staff/work-orders/${complaint.caseCode}`).set('authorization', accused).expect(200);
    expect(seenByAccused.body.citizen).toBeUndefined();
    expect(JSON.stringify(seenByAccused.body)).not.toMatch(/5678|张|sup-1/);
    expect(seenByAccused.body.timeline).toHaveLength(2);

    const unit = await auth.bearer({ roles: ['supervisor'], org: 'org-371324-supervision', region: '371324' });
    const seenByUnit = await request(portal.url).get(`/portal/staff/work-orders/${complaint.caseCode}`).set('authorization', unit).expect(200);
    expect(seenByUnit.body.citizen).toEqual({ phoneLast4: '5678', displayName: '张*' });
    expect(seenByUnit.body.complaintAgainstOrganisationId).toBe('org-371324-legal-aid');

    const elsewhere = await auth.bearer({ roles: ['centre-clerk'], org: 'org-370102-centre', region: '370102' });
    await request(portal.url).get(`/portal/staff/work-orders/${complaint.caseCode}`).set('authorization', elsewhere).expect(404);
    await request(portal.url).get(`/portal/staff/work-orders/${complaint.caseCode}`).set('authorization', await auth.bearer({ roles: ['citizen'] })).expect(403);
  });
});
