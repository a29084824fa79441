import { CloudEvent, IntakeRegistered, IntakeSubmitted, WorkOrderChanged, WorkOrderDispatched } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { formatCaseCode } from '@legal/domain';
import { waitUntil } from '@legal/testing';
import { TimelineEntryEntity } from '../work-orders/entities/timeline-entry.entity';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { intake, validIdCard, WORKDAY_MORNING } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';

// Real servers: starting instances and waiting for Kafka round trips takes longer than Jest's 5 s default.
jest.setTimeout(90_000);

type Registered = EventData<typeof IntakeRegistered>;
type Dispatched = EventData<typeof WorkOrderDispatched>;
type Changed = EventData<typeof WorkOrderChanged>;

describe('staff REST API: validation, conflicts, jurisdiction, supervision, triage, rules', () => {
  let h: WorkOrderHarness;
  let supervisor: string;
  let admin: string;
  let phone = 13500000000;

  beforeAll(async () => {
    // Some requests are dated in the past: keep the deadline sweeper from escalating them mid-test.
    h = await WorkOrderHarness.start('woapi', { DEADLINE_SWEEP_INTERVAL_MS: 3_600_000 });
    supervisor = await h.bearer({ roles: ['supervisor'], sub: 'sup-linyi', region: '371300' });
    admin = await h.bearer({ roles: ['admin'], sub: 'admin-1', region: '370000' });
  });

  afterAll(async () => {
    await h?.stop();
  });

  async function submit(overrides: Parameters<typeof intake>[0] = {}): Promise<Registered> {
    phone += 1;
    const data = intake({
      applicant: { name: '郑一', idCardNumber: validIdCard('371324'), phone: String(phone) },
      ...overrides,
    });
    await h.publish(IntakeSubmitted, data, data.intakeId);
    return (await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === data.intakeId)).data;
  }

  async function snapshot(caseCode: string): Promise<{ version: number; status: string; entries: number }> {
    const wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { caseCode });
    return {
      version: wo.version,
      status: wo.status,
      entries: await h.dataSource().manager.count(TimelineEntryEntity, { where: { workOrderId: wo.id } }),
    };
  }

  it('answers 400 problem+json naming the field for a case code with a wrong check character', async () => {
    const good = formatCaseCode({ region: '371324', date: '2025-11-28', sequence: 1 });
    const bad = `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`;
    const res = await h.http.get(`/work-orders/${bad}`).set('authorization', supervisor).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 400,
      code: 'validation-failed',
      errors: [expect.objectContaining({ field: 'code', codes: ['caseCode:check-mismatch'] })],
    });
    await h.http.get(`/work-orders/${good}`).set('authorization', supervisor).expect(404);
  });

  it('refuses an illegal transition with 409 and changes nothing; bad input is 400 naming every field and changes nothing', async () => {
    const { caseCode } = await submit();
    await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.caseCode === caseCode);
    const before = await snapshot(caseCode);
    expect(before.status).toBe('offered');
    const conflict = await h.http
      .post(`/work-orders/${caseCode}/close`)
      .set('authorization', supervisor)
      .send({ reason: '测试关闭' })
      .expect(409);
    expect(conflict.body).toMatchObject({ code: 'illegal-transition', from: 'offered', to: 'closed' });
    const invalid = await h.http
      .post(`/work-orders/${caseCode}/escalate`)
      .set('authorization', supervisor)
      .send({ dueInDays: 0, colour: 'red' })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'colour',
      'dueInDays',
      'reason',
    ]);
    const extend = await h.http
      .post(`/work-orders/${caseCode}/deadlines/mediation-term/extensions`)
      .set('authorization', supervisor)
      .send({ units: 5, reason: '当事人同意' })
      .expect(404);
    expect(extend.body.code).toBe('not-found');
    expect(await snapshot(caseCode)).toEqual(before);
  });

  it('keeps staff to their jurisdiction: 403 outside it, and a complaint invisible (404) to the organisation it is about', async () => {
    const { caseCode } = await submit();
    const jinan = await h.bearer({ roles: ['centre-clerk'], region: '370102', org: 'org-370102-centre' });
    const denied = await h.http.get(`/work-orders/${caseCode}`).set('authorization', jinan).expect(403);
    expect(denied.body.code).toBe('out-of-jurisdiction');
    const list = await h.http.get('/work-orders').set('authorization', jinan).expect(200);
    expect(list.body.items.map((w: { caseCode: string }) => w.caseCode)).not.toContain(caseCode);

    // Submitted in office hours (out of hours the 12348 duty team would take it, see the routing unit tests).
    const complaint = await submit({
      serviceType: 'complaint',
      description: '法律援助中心工作人员态度差，推诿不办',
      relatedCaseCode: caseCode,
      platform: 'portal',
      vulnerableGroup: false,
      submittedAt: WORKDAY_MORNING,
    });
    const offer = (await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.caseCode === complaint.caseCode))
      .data;
    expect(offer.organisationId).toBe('org-371300-centre');
    const complainedAbout = await h.bearer({
      roles: ['legal-aid-officer'],
      region: '371324',
      org: 'org-371324-legal-aid',
    });
    await h.http.get(`/work-orders/${complaint.caseCode}`).set('authorization', complainedAbout).expect(404);
    const mine = await h.http
      .get('/work-orders')
      .query({ serviceType: 'complaint' })
      .set('authorization', complainedAbout)
      .expect(200);
    expect(mine.body.items).toEqual([]);
    const seen = await h.http.get(`/work-orders/${complaint.caseCode}`).set('authorization', supervisor).expect(200);
    expect(seen.body).toMatchObject({
      complaintAgainstOrganisationId: 'org-371324-legal-aid',
      relatedCaseCode: caseCode,
      organisationId: 'org-371300-centre',
    });
  });

  it('lets a supervisor issue a 督办 with its own deadline, reassign to a named organisation, and cancel', async () => {
    const { caseCode, workOrderId } = await submit();
    const first = (await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === workOrderId))
      .data;
    const escalated = await h.http
      .post(`/work-orders/${caseCode}/escalate`)
      .set('authorization', supervisor)
      .send({ reason: '群众反映久拖未办', dueInDays: 3 })
      .expect(200);
    expect(escalated.body.supervisionOrderId).toEqual(expect.any(String));
    const reassigned = await h.http
      .post(`/work-orders/${caseCode}/reassign`)
      .set('authorization', supervisor)
      .send({ organisationId: 'org-371300-legal-aid', reason: '县中心人手不足' })
      .expect(200);
    expect(reassigned.body).toMatchObject({ status: 'offered', organisationId: 'org-371300-legal-aid' });
    const second = (
      await h.waitForEvent<Dispatched>(
        WorkOrderDispatched.type,
        (d) => d.workOrderId === workOrderId && d.attempt === 2,
      )
    ).data;
    expect(second.organisationId).toBe('org-371300-legal-aid');
    expect(first.offerId).not.toBe(second.offerId);
    const wrongType = await h.http
      .post(`/work-orders/${caseCode}/reassign`)
      .set('authorization', supervisor)
      .send({ organisationId: 'org-371324-notary', reason: '试试公证处' })
      .expect(400);
    expect(wrongType.body.errors[0].field).toBe('organisationId');
    await h.http
      .post(`/work-orders/${caseCode}/cancel`)
      .set('authorization', supervisor)
      .send({ reason: '申请人撤回' })
      .expect(200);
    const detail = await h.http.get(`/work-orders/${caseCode}`).set('authorization', supervisor).expect(200);
    expect(detail.body.status).toBe('cancelled');
    // Cancelling the matter answers its open supervision order.
    expect(detail.body.supervisionOrders).toEqual([
      expect.objectContaining({
        kind: 'supervision-order',
        reason: '群众反映久拖未办',
        dueAt: expect.any(String),
        status: 'resolved',
        resolvedBy: 'sup-linyi',
        resolution: 'work order cancelled',
      }),
    ]);
    expect(detail.body.offers.map((o: { status: string }) => o.status)).toEqual(['withdrawn', 'withdrawn']);
    expect(detail.body.deadlines.every((d: { status: string }) => d.status === 'cancelled')).toBe(true);
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'received',
      'offered',
      'supervision-order-issued',
      'offered',
      'cancelled',
    ]);
  });

  it('lets a supervisor resolve a 督办: its clock stops as met, a second resolve is a conflict, bad input changes nothing', async () => {
    const { caseCode, workOrderId } = await submit();
    await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === workOrderId);
    const escalated = await h.http
      .post(`/work-orders/${caseCode}/escalate`)
      .set('authorization', supervisor)
      .send({ reason: '群众反映久拖未办', dueInDays: 5 })
      .expect(200);
    const orderId: string = escalated.body.supervisionOrderId;
    const path = `/work-orders/${caseCode}/supervision-orders/${orderId}/resolve`;

    const before = await snapshot(caseCode);
    const empty = await h.http.post(path).set('authorization', supervisor).send({ resolution: '' }).expect(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['resolution']);
    const badId = await h.http
      .post(`/work-orders/${caseCode}/supervision-orders/not-a-uuid/resolve`)
      .set('authorization', supervisor)
      .send({ resolution: '已办结' })
      .expect(400);
    expect(badId.body.errors[0].field).toBe('orderId');
    await h.http
      .post(`/work-orders/${caseCode}/supervision-orders/00000000-0000-4000-8000-000000000000/resolve`)
      .set('authorization', supervisor)
      .send({ resolution: '已办结' })
      .expect(404);
    const officer = await h.bearer({ roles: ['legal-aid-officer'], region: '371324', org: 'org-371324-legal-aid' });
    await h.http.post(path).set('authorization', officer).send({ resolution: '我们自己办结了' }).expect(403);
    expect(await snapshot(caseCode)).toEqual(before);

    const resolved = await h.http
      .post(path)
      .set('authorization', supervisor)
      .send({ resolution: '县中心已指派律师并电话回访申请人' })
      .expect(200);
    expect(resolved.body).toMatchObject({ caseCode, supervisionOrderId: orderId, version: before.version + 1 });
    const again = await h.http.post(path).set('authorization', supervisor).send({ resolution: '再次办结' }).expect(409);
    expect(again.body.code).toBe('supervision-order-resolved');

    const detail = await h.http.get(`/work-orders/${caseCode}`).set('authorization', supervisor).expect(200);
    expect(detail.body.supervisionOrders).toEqual([
      expect.objectContaining({
        id: orderId,
        status: 'resolved',
        resolvedBy: 'sup-linyi',
        resolution: '县中心已指派律师并电话回访申请人',
        resolvedAt: expect.any(String),
      }),
    ]);
    expect(detail.body.deadlines.find((d: { kind: string }) => d.kind === 'supervision-order')).toMatchObject({
      status: 'met',
    });
    expect(detail.body.timeline.at(-1)).toMatchObject({
      action: 'supervision-order-resolved',
      note: '县中心已指派律师并电话回访申请人',
    });
    expect(detail.body.status).toBe('offered');
  });

  it('merges a duplicate into the work order that carries on, and refuses merges that are not about the same person', async () => {
    const person = { name: '褚八', idCardNumber: validIdCard('371324'), phone: '13600000088' };
    const kept = await submit({ applicant: person });
    await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === kept.workOrderId);
    // The same person again, on the portal, with a description too vague to classify: triage, no dedupe.
    const duplicate = await submit({
      applicant: person,
      platform: 'portal',
      serviceType: undefined,
      description: '家里有个纠纷',
      regionCode: '371324102',
    });
    expect(duplicate.outcome).toBe('triage');
    const stranger = await submit();
    const officer = await h.bearer({ roles: ['legal-aid-officer'], region: '371324', org: 'org-371324-legal-aid' });
    const path = `/work-orders/${duplicate.caseCode}/merge`;

    const before = await snapshot(duplicate.caseCode);
    const invalid = await h.http
      .post(path)
      .set('authorization', supervisor)
      .send({ intoCaseCode: 'not-a-code', reason: '' })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['intoCaseCode', 'reason']);
    const self = await h.http
      .post(path)
      .set('authorization', supervisor)
      .send({ intoCaseCode: duplicate.caseCode, reason: '同一事项' })
      .expect(400);
    expect(self.body.errors[0]).toMatchObject({ field: 'intoCaseCode', codes: ['notSelf'] });
    await h.http
      .post(path)
      .set('authorization', officer)
      .send({ intoCaseCode: kept.caseCode, reason: '同一事项' })
      .expect(403);
    const unrelated = await h.http
      .post(path)
      .set('authorization', supervisor)
      .send({ intoCaseCode: stranger.caseCode, reason: '同一事项' })
      .expect(409);
    expect(unrelated.body.code).toBe('not-duplicates');
    expect(await snapshot(duplicate.caseCode)).toEqual(before);

    const merged = await h.http
      .post(path)
      .set('authorization', supervisor)
      .send({ intoCaseCode: kept.caseCode, reason: '同一申请人就同一欠薪纠纷两次求助' })
      .expect(200);
    expect(merged.body).toMatchObject({
      caseCode: duplicate.caseCode,
      status: 'merged',
      mergedIntoCaseCode: kept.caseCode,
    });
    await h.http
      .post(path)
      .set('authorization', supervisor)
      .send({ intoCaseCode: kept.caseCode, reason: '再合并一次' })
      .expect(409);

    const gone = await h.http.get(`/work-orders/${duplicate.caseCode}`).set('authorization', supervisor).expect(200);
    expect(gone.body.status).toBe('merged');
    expect(gone.body.timeline.at(-1)).toMatchObject({
      action: 'merged',
      note: `merged into ${kept.caseCode}: 同一申请人就同一欠薪纠纷两次求助`,
    });
    expect(gone.body.deadlines.every((d: { status: string }) => d.status === 'cancelled')).toBe(true);
    const carried = await h.http.get(`/work-orders/${kept.caseCode}`).set('authorization', supervisor).expect(200);
    expect(carried.body.platforms.sort()).toEqual(['hotline', 'portal']);
    expect(carried.body.timeline.at(-1)).toMatchObject({
      action: 'duplicate-merged',
      note: expect.stringContaining(duplicate.caseCode),
    });
    const relations = await h.http
      .get(`/work-orders/${kept.caseCode}/relations`)
      .set('authorization', supervisor)
      .expect(200);
    expect(relations.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ relatedCaseCode: duplicate.caseCode, status: 'confirmed' })]),
    );
  });

  it('republishes the current state of work orders page by page, so read models can be rebuilt', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const first = await submit();
    const second = await submit();
    await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === first.workOrderId);
    await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === second.workOrderId);
    const bad = await h.http
      .post('/admin/work-orders/republish')
      .set('authorization', admin)
      .send({ afterId: 'x', limit: 0, updatedSince: 'yesterday' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['afterId', 'limit', 'updatedSince']);
    await h.http.post('/admin/work-orders/republish').set('authorization', supervisor).send({}).expect(403);

    const ids = [first.workOrderId, second.workOrderId];
    const versions = await Promise.all(
      ids.map(async (id) => (await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id })).version),
    );
    // The original change of that version travels on another topic than the dispatch seen above: count
    // only once it has arrived, or it could arrive together with the republished copy and the count
    // would jump past `before + 1` (the cause of an earlier flake: a 30 s wait for a count it had skipped).
    for (const [i, id] of ids.entries())
      await h.waitForEvent<Changed>(WorkOrderChanged.type, (d) => d.workOrderId === id && d.version === versions[i]);
    const before = ids.map(
      (id, i) =>
        h.events<Changed>(WorkOrderChanged.type, (d) => d.workOrderId === id && d.version === versions[i]).length,
    );
    // Pages of one, until the answer says there is no next page (other tests' work orders may be in the window too).
    const pages: { republished: number; nextAfterId: string | null }[] = [];
    let afterId: string | undefined;
    do {
      const res = await h.http
        .post('/admin/work-orders/republish')
        .set('authorization', admin)
        .send({ updatedSince: since, limit: 1, ...(afterId ? { afterId } : {}) })
        .expect(200);
      pages.push(res.body);
      afterId = res.body.nextAfterId ?? undefined;
    } while (afterId && pages.length < 50);
    expect(pages.at(-1)?.nextAfterId).toBeNull();
    expect(pages.slice(0, -1).every((p) => p.republished === 1 && p.nextAfterId !== null)).toBe(true);
    expect(pages.reduce((n, p) => n + p.republished, 0)).toBeGreaterThanOrEqual(2);

    // Each work order's current view goes out once more, at its current version and status.
    for (const [i, id] of ids.entries()) {
      const atVersion = (): CloudEvent<Changed>[] =>
        h.events<Changed>(WorkOrderChanged.type, (d) => d.workOrderId === id && d.version === versions[i]);
      await waitUntil(() => atVersion().length >= before[i] + 1, 30000, `republished ${id}`);
      expect(atVersion()).toHaveLength(before[i] + 1);
      const [republished] = atVersion().slice(-1);
      expect(republished.data).toMatchObject({ status: 'offered', entry: { seq: versions[i], action: 'offered' } });
    }
  });

  it('sends an unclear request to triage; a person classifies it and it is routed to the township mediation committee', async () => {
    const vague = await submit({
      serviceType: undefined,
      description: '家里有个纠纷',
      regionCode: '371324102',
      vulnerableGroup: false,
    });
    expect(vague.outcome).toBe('triage');
    const queue = await h.http.get('/triage').set('authorization', supervisor).expect(200);
    expect(queue.body.items.map((i: { caseCode: string }) => i.caseCode)).toContain(vague.caseCode);
    await h.http
      .post(`/work-orders/${vague.caseCode}/classify`)
      .set('authorization', supervisor)
      .send({ serviceType: 'fortune-telling' })
      .expect(400);
    const classified = await h.http
      .post(`/work-orders/${vague.caseCode}/classify`)
      .set('authorization', supervisor)
      .send({ serviceType: 'mediation', note: '邻里纠纷' })
      .expect(200);
    expect(classified.body).toMatchObject({ status: 'offered', organisationId: 'org-371324102-mediation' });
    await h.http
      .post(`/work-orders/${vague.caseCode}/classify`)
      .set('authorization', supervisor)
      .send({ serviceType: 'mediation' })
      .expect(409);
  });

  it('applies a changed routing rule to new decisions only, each decision keeping the revision it used', async () => {
    const older = await submit();
    await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.caseCode === older.caseCode);
    const current = await h.http.get('/admin/routing-rules').set('authorization', admin).expect(200);
    const jurisdiction = current.body.items.find((r: { ruleKey: string }) => r.ruleKey === 'jurisdiction');
    const revised = await h.http
      .put('/admin/routing-rules/jurisdiction')
      .set('authorization', admin)
      .send({ params: { ...jurisdiction.params, perLevelPenalty: 30 } })
      .expect(200);
    expect(revised.body).toMatchObject({ ruleKey: 'jurisdiction', revision: 2 });
    await h.http
      .put('/admin/routing-rules/jurisdiction')
      .set('authorization', admin)
      .send({ params: { baseScore: 'high' } })
      .expect(400);
    const newer = await submit();
    await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.caseCode === newer.caseCode);
    const revisionUsed = async (code: string): Promise<number> => {
      const res = await h.http.get(`/work-orders/${code}/routing`).set('authorization', supervisor).expect(200);
      return res.body.decisions[0].rules.find((r: { ruleKey: string }) => r.ruleKey === 'jurisdiction').revision;
    };
    expect(await revisionUsed(older.caseCode)).toBe(1);
    expect(await revisionUsed(newer.caseCode)).toBe(2);
    const history = await h.http
      .get('/admin/routing-rules')
      .query({ history: true })
      .set('authorization', admin)
      .expect(200);
    expect(
      history.body.items
        .filter((r: { ruleKey: string }) => r.ruleKey === 'jurisdiction')
        .map((r: { revision: number; supersededAt: string | null }) => [r.revision, r.supersededAt === null]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('serves the public agency lookup without a token, nearest organisations first', async () => {
    const res = await h.http
      .get('/public/organisations')
      .query({ regionCode: '371324102', serviceType: 'mediation' })
      .expect(200);
    expect(res.body.items.map((o: { id: string }) => o.id)).toEqual([
      'org-371324102-mediation',
      'org-371324-mediation',
    ]);
    expect(res.body.items[0]).toMatchObject({
      regionName: '山东省临沂市兰陵县兰陵镇',
      hours: 'working days 08:30-12:00, 13:30-17:30',
      phone: '12348',
    });
    await h.http.get('/public/organisations').query({ regionCode: '379999' }).expect(400);
    await h.http.get('/admin/organisations').expect(401);
  });
});
