import {
  EvaluationSubmitted,
  IntakeRegistered,
  IntakeSubmitted,
  OfferAccepted,
  OfferWithdrawn,
  ReferralAccepted,
  ReferralRejected,
  Resolved,
  WorkOrderChanged,
  WorkOrderDispatched,
} from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { REDIS } from '@legal/redis';
import { waitUntil } from '@legal/testing';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { SupervisionOrderEntity } from '../supervision/entities/supervision-order.entity';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { intake, randomMobile, validIdCard, WORKDAY_MORNING } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';

// Real servers: starting instances and waiting for Kafka round trips takes longer than Jest's 5 s default.
jest.setTimeout(90_000);

type Registered = EventData<typeof IntakeRegistered>;
type Dispatched = EventData<typeof WorkOrderDispatched>;
type Changed = EventData<typeof WorkOrderChanged>;

describe('closing the loop: answered on the spot, possible relations, reopening, referrals, load counters', () => {
  let h: WorkOrderHarness;
  let clerk: string;

  beforeAll(async () => {
    h = await WorkOrderHarness.start('woloop');
    clerk = await h.bearer({ roles: ['centre-clerk'], sub: 'clerk-9', region: '371324' });
  });

  afterAll(async () => {
    await h?.stop();
  });

  async function submit(overrides: Parameters<typeof intake>[0]): Promise<Registered> {
    const data = intake(overrides);
    await h.publish(IntakeSubmitted, data, data.intakeId);
    return (await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === data.intakeId)).data;
  }

  it('closes a consultation answered during the call at once, with its own case code', async () => {
    const done = await submit({
      serviceType: 'legal-consultation',
      description: '请问劳动合同到期不续签有没有补偿',
      resolution: { kind: 'answered-on-spot', summary: '告知可主张经济补偿', answeredBy: 'agent-17' },
      applicant: { name: '冯二', phone: '13400000001' },
    });
    expect(done.outcome).toBe('closed-on-spot');
    const wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: done.workOrderId });
    expect(wo).toMatchObject({ status: 'closed', caseCode: done.caseCode });
    expect(h.events<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === done.workOrderId)).toEqual([]);
  });

  it('links the same phone asking for another service as "possibly related" for a person to confirm', async () => {
    const phone = '13400000002';
    const first = await submit({ applicant: { name: '陈三', phone } });
    const second = await submit({
      serviceType: 'mediation',
      description: '和邻居因为宅基地发生纠纷',
      applicant: { name: '陈三', phone },
    });
    expect(second.outcome).toBe('created');
    expect(second.possiblyRelatedCaseCodes).toEqual([first.caseCode]);
    const listed = await h.http.get(`/work-orders/${first.caseCode}/relations`).set('authorization', clerk).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        relatedCaseCode: second.caseCode,
        reason: 'same-phone-different-type',
        status: 'pending',
      }),
    ]);
    const id = listed.body.items[0].id;
    await h.http
      .post(`/relations/${id}/confirm`)
      .set('authorization', clerk)
      .send({ note: '同一家庭纠纷' })
      .expect(200);
    await h.http.post(`/relations/${id}/dismiss`).set('authorization', clerk).send({}).expect(409);
    await h.http.post('/relations/not-a-uuid/confirm').set('authorization', clerk).send({}).expect(400);
    const detail = await h.http.get(`/work-orders/${second.caseCode}`).set('authorization', clerk).expect(200);
    expect(detail.body.timeline.at(-1)).toMatchObject({ action: 'relation-confirmed' });

    // Another phone, a name one character off, the same county: possibly the same person.
    const similar = await submit({
      serviceType: 'notarization',
      description: '办理委托书公证',
      applicant: { name: '陈山', phone: '13400000012' },
    });
    expect(similar.possiblyRelatedCaseCodes.sort()).toEqual([first.caseCode, second.caseCode].sort());
    const reasons = await h.http
      .get(`/work-orders/${similar.caseCode}/relations`)
      .set('authorization', clerk)
      .expect(200);
    expect(reasons.body.items.map((r: { reason: string; score: number }) => [r.reason, r.score])).toEqual([
      ['similar-name-same-region', 0.8],
      ['similar-name-same-region', 0.8],
    ]);
  });

  it('finds similar names by the name index, and still by decrypting work orders written before it (issue 14)', async () => {
    const older = await submit({ applicant: { name: '孔令辉', phone: randomMobile() } });
    const shorter = await submit({ applicant: { name: '孔令', phone: randomMobile() } });
    const unlike = await submit({ applicant: { name: '孔子曰', phone: randomMobile() } });
    // `older` as a work order from before the migration: no name index, only the sealed applicant.
    await h
      .dataSource()
      .query(`UPDATE "${h.schema}"."work_order" SET name_hashes = NULL WHERE case_code = $1`, [older.caseCode]);
    const [indexed] = await h
      .dataSource()
      .query(`SELECT name_hashes FROM "${h.schema}"."work_order" WHERE case_code = $1`, [shorter.caseCode]);
    expect(indexed.name_hashes).toHaveLength(5);
    // One character substituted against the old row (0.8), one character more than the indexed one (0.7).
    const similar = await submit({ applicant: { name: '孔令灰', phone: randomMobile() } });
    expect(similar.possiblyRelatedCaseCodes.sort()).toEqual([older.caseCode, shorter.caseCode].sort());
    expect(similar.possiblyRelatedCaseCodes).not.toContain(unlike.caseCode);
    const reasons = await h.http
      .get(`/work-orders/${similar.caseCode}/relations`)
      .set('authorization', clerk)
      .expect(200);
    expect(
      reasons.body.items
        .map((r: { reason: string; score: number }) => [r.reason, r.score])
        .sort((a: [string, number], b: [string, number]) => b[1] - a[1]),
    ).toEqual([
      ['similar-name-same-region', 0.8],
      ['similar-name-same-region', 0.7],
    ]);
  });

  it('names a related work order only to staff who may see it, and lets only them decide the relation (issue 13)', async () => {
    const phone = '13400000022';
    const here = await submit({ applicant: { name: '卫五', phone } });
    const jinan = await submit({
      serviceType: 'mediation',
      regionCode: '370102001',
      description: '和邻居因为宅基地发生纠纷',
      applicant: { name: '卫五', phone },
    });
    expect(jinan.possiblyRelatedCaseCodes).toEqual([here.caseCode]);
    const county = await h.http.get(`/work-orders/${here.caseCode}/relations`).set('authorization', clerk).expect(200);
    expect(county.body).toEqual({ items: [], total: 0 });
    const province = await h.bearer({ roles: ['supervisor'], sub: 'sup-province', region: '370000' });
    const all = await h.http.get(`/work-orders/${here.caseCode}/relations`).set('authorization', province).expect(200);
    expect(all.body.items).toEqual([
      expect.objectContaining({ relatedCaseCode: jinan.caseCode, reason: 'same-phone-different-type' }),
    ]);
    const refused = await h.http
      .post(`/relations/${all.body.items[0].id}/confirm`)
      .set('authorization', clerk)
      .send({})
      .expect(403);
    expect(refused.body.code).toBe('out-of-jurisdiction');
    await h.http.post(`/relations/${all.body.items[0].id}/dismiss`).set('authorization', province).send({}).expect(200);
  });

  it('reopens a resolved work order after a low evaluation and offers it to a different organisation than before', async () => {
    const registered = await submit({
      applicant: { name: '褚四', idCardNumber: validIdCard('371324'), phone: '13400000003' },
    });
    const offer = (
      await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === registered.workOrderId)
    ).data;
    expect(offer.organisationId).toBe('org-371324-legal-aid');
    const base = { workOrderId: registered.workOrderId, handler: 'legal-aid' as const, handlerCaseId: 'LA-9' };
    await h.publish(
      OfferAccepted,
      { ...base, at: new Date().toISOString(), offerId: offer.offerId },
      registered.workOrderId,
    );
    await h.publish(
      Resolved,
      { ...base, at: new Date().toISOString(), outcome: 'case-closed', summary: '已追回工资' },
      registered.workOrderId,
    );
    await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'resolved',
    );
    await h.publish(
      EvaluationSubmitted,
      {
        evaluationId: randomUUID(),
        workOrderId: registered.workOrderId,
        caseCode: registered.caseCode,
        score: 1,
        comment: '律师很久没有联系我',
        platform: 'portal',
        submittedAt: new Date().toISOString(),
      },
      registered.workOrderId,
    );
    const again = (
      await h.waitForEvent<Dispatched>(
        WorkOrderDispatched.type,
        (d) => d.workOrderId === registered.workOrderId && d.attempt === 2,
      )
    ).data;
    expect(again.organisationId).not.toBe('org-371324-legal-aid');
    expect(again.organisationId).toBe('org-371300-legal-aid');
    const statuses = await waitUntil(() => {
      const seen = h
        .events<Changed>(WorkOrderChanged.type, (d) => d.workOrderId === registered.workOrderId)
        .map((e) => e.data.status);
      return seen.length >= 6 ? seen : undefined;
    });
    expect(statuses).toEqual(['received', 'offered', 'accepted', 'resolved', 'reopened', 'offered']);
  });

  it('records a complaint after a reopen against the organisation that handled the matter, and hides it from that organisation on every route (issue 13 finding 7)', async () => {
    const phone = '13400000033';
    const registered = await submit({ applicant: { name: '韩八', idCardNumber: validIdCard('371324'), phone } });
    const offer = (
      await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === registered.workOrderId)
    ).data;
    expect(offer.organisationId).toBe('org-371324-legal-aid');
    const base = { workOrderId: registered.workOrderId, handler: 'legal-aid' as const, handlerCaseId: 'LA-13-7' };
    await h.publish(
      OfferAccepted,
      { ...base, at: new Date().toISOString(), offerId: offer.offerId },
      registered.workOrderId,
    );
    await h.publish(
      Resolved,
      { ...base, at: new Date().toISOString(), outcome: 'case-closed', summary: '已结案' },
      registered.workOrderId,
    );
    await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'resolved',
    );
    await h.publish(
      EvaluationSubmitted,
      {
        evaluationId: randomUUID(),
        workOrderId: registered.workOrderId,
        caseCode: registered.caseCode,
        score: 1,
        comment: '律师不负责任',
        platform: 'portal',
        submittedAt: new Date().toISOString(),
      },
      registered.workOrderId,
    );
    // The reopen moves the work order away from the county legal-aid centre that handled it.
    const again = (
      await h.waitForEvent<Dispatched>(
        WorkOrderDispatched.type,
        (d) => d.workOrderId === registered.workOrderId && d.attempt === 2,
      )
    ).data;
    expect(again.organisationId).toBe('org-371300-legal-aid');
    // ... and the city legal-aid centre accepts it: it now holds the case, but is not the one complained about.
    await h.publish(
      OfferAccepted,
      { ...base, handlerCaseId: 'LA-13-7-city', at: new Date().toISOString(), offerId: again.offerId },
      registered.workOrderId,
    );
    await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) =>
        d.workOrderId === registered.workOrderId &&
        d.status === 'accepted' &&
        d.organisationId === 'org-371300-legal-aid',
    );

    // The citizen complains about the centre that handled the matter (same phone: a possible relation too).
    const complaint = await submit({
      serviceType: 'complaint',
      description: '县法律援助中心承办人员推诿，不负责任',
      relatedCaseCode: registered.caseCode,
      platform: 'portal',
      vulnerableGroup: false,
      submittedAt: WORKDAY_MORNING,
      applicant: { name: '韩八', phone },
    });
    expect(complaint.outcome).toBe('created');
    const recorded = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: complaint.workOrderId });
    expect(recorded.complaintAgainstOrganisationId).toBe('org-371324-legal-aid');
    const changed = (
      await h.waitForEvent<Changed>(WorkOrderChanged.type, (d) => d.workOrderId === complaint.workOrderId)
    ).data;
    expect(changed.complaintAgainstOrganisationId).toBe('org-371324-legal-aid');
    const unit = (
      await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === complaint.workOrderId)
    ).data;
    expect(unit.organisationId).not.toBe('org-371324-legal-aid');

    // The complained-about centre's officer, in whose county both work orders lie: the complaint does not exist.
    const complainedAbout = await h.bearer({
      roles: ['legal-aid-officer'],
      sub: 'officer-against',
      region: '371324',
      org: 'org-371324-legal-aid',
    });
    const gone = await h.http
      .get(`/work-orders/${complaint.caseCode}`)
      .set('authorization', complainedAbout)
      .expect(404);
    expect(JSON.stringify(gone.body)).not.toContain('韩');
    await h.http.get(`/work-orders/${complaint.caseCode}/routing`).set('authorization', complainedAbout).expect(404);
    await h.http.get(`/work-orders/${complaint.caseCode}/relations`).set('authorization', complainedAbout).expect(404);
    const fromOriginal = await h.http
      .get(`/work-orders/${registered.caseCode}/relations`)
      .set('authorization', complainedAbout)
      .expect(200);
    expect(JSON.stringify(fromOriginal.body)).not.toContain(complaint.caseCode);
    for (const query of [{}, { serviceType: 'complaint' }, { regionCode: '371324' }]) {
      const listed = await h.http.get('/work-orders').query(query).set('authorization', complainedAbout).expect(200);
      expect(listed.body.items.map((w: { caseCode: string }) => w.caseCode)).not.toContain(complaint.caseCode);
    }
    const original = await h.http
      .get(`/work-orders/${registered.caseCode}`)
      .set('authorization', complainedAbout)
      .expect(200);
    expect(JSON.stringify(original.body)).not.toContain(complaint.caseCode);
    const province = await h.bearer({
      roles: ['supervisor'],
      sub: 'sup-verify',
      region: '370000',
      org: 'org-370000-supervision',
    });
    await h.http.get(`/work-orders/${complaint.caseCode}/timeline/verify`).set('authorization', province).expect(200);

    // The independent unit handling it and a supervisor above both see it, with the related case.
    const handling = await h.bearer({
      roles: ['centre-clerk'],
      sub: 'clerk-unit',
      region: unit.organisationId.split('-')[1],
      org: unit.organisationId,
    });
    const seen = await h.http.get(`/work-orders/${complaint.caseCode}`).set('authorization', handling).expect(200);
    expect(seen.body).toMatchObject({
      complaintAgainstOrganisationId: 'org-371324-legal-aid',
      relatedCaseCode: registered.caseCode,
    });
    expect(seen.body.timeline.length).toBeGreaterThan(0);
    const bySupervisor = await h.http
      .get(`/work-orders/${complaint.caseCode}`)
      .set('authorization', province)
      .expect(200);
    expect(bySupervisor.body.complaintAgainstOrganisationId).toBe('org-371324-legal-aid');
    const related = await h.http
      .get(`/work-orders/${registered.caseCode}/relations`)
      .set('authorization', province)
      .expect(200);
    expect(related.body.items.map((r: { relatedCaseCode: string }) => r.relatedCaseCode)).toContain(complaint.caseCode);
    // The organisation the reopen moved the matter to is not the one complained about: it sees the complaint.
    const newHolder = await h.bearer({
      roles: ['legal-aid-officer'],
      sub: 'officer-city',
      region: '371300',
      org: 'org-371300-legal-aid',
    });
    await h.http.get(`/work-orders/${complaint.caseCode}`).set('authorization', newHolder).expect(200);
  });

  it('lets staff of an agency without a handler service accept and resolve over the desk API; a good evaluation closes the work order', async () => {
    const registered = await submit({
      serviceType: 'legal-consultation',
      description: '咨询土地承包合同问题',
      submittedAt: WORKDAY_MORNING,
      vulnerableGroup: false,
      applicant: { name: '沈七', phone: '13400000006' },
    });
    const offer = (
      await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === registered.workOrderId)
    ).data;
    expect(offer).toMatchObject({ organisationId: 'org-371324102-station', handler: 'external-agency' });
    const other = await h.bearer({
      roles: ['centre-clerk'],
      sub: 'clerk-x',
      region: '371324',
      org: 'org-371324101-station',
    });
    await h.http
      .post(`/work-orders/${registered.caseCode}/offers/${offer.offerId}/accept`)
      .set('authorization', other)
      .expect(403);
    const station = await h.bearer({
      roles: ['centre-clerk'],
      sub: 'clerk-station',
      region: '371324102',
      org: 'org-371324102-station',
    });
    const accepted = await h.http
      .post(`/work-orders/${registered.caseCode}/offers/${offer.offerId}/accept`)
      .set('authorization', station)
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', organisationId: 'org-371324102-station' });
    await h.http
      .post(`/work-orders/${registered.caseCode}/offers/${offer.offerId}/accept`)
      .set('authorization', station)
      .expect(409);
    await h.http
      .post(`/work-orders/${registered.caseCode}/resolve`)
      .set('authorization', station)
      .send({ outcome: 'advice-given', summary: '已解答承包合同问题' })
      .expect(200);
    await h.publish(
      EvaluationSubmitted,
      {
        evaluationId: randomUUID(),
        workOrderId: registered.workOrderId,
        caseCode: registered.caseCode,
        score: 5,
        platform: 'portal',
        submittedAt: new Date().toISOString(),
      },
      registered.workOrderId,
    );
    const closed = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'closed',
    );
    expect(closed.data.entry).toMatchObject({
      action: 'closed-after-evaluation',
      actorRole: 'citizen',
      platform: 'portal',
    });
    // Received on 2025-12-01 and resolved now, long after the 2-working-day callback standard: breached, not met.
    expect(closed.data.deadlines).toEqual([
      expect.objectContaining({ kind: 'callback', status: 'breached', dueAt: '2025-12-03T15:59:59.999Z' }),
    ]);
  });

  it('records a rejected referral on the timeline and escalates it to the coordinating organisation', async () => {
    const registered = await submit({
      applicant: { name: '卫五', idCardNumber: validIdCard('371324'), phone: '13400000004' },
    });
    await h.publish(
      ReferralRejected,
      {
        referralId: randomUUID(),
        workOrderId: registered.workOrderId,
        caseCode: registered.caseCode,
        fromOrganisationId: 'org-371324102-station',
        toOrganisationId: 'org-371324-mediation',
        at: new Date().toISOString(),
        reason: '不属于本单位受理范围',
        escalatedToOrganisationId: 'org-371324-centre',
      },
      registered.workOrderId,
    );
    const escalated = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.entry.action === 'escalated',
    );
    expect(escalated.data.entry.note).toMatch(/coordinating organisation org-371324-centre/);
    const orders = await h
      .dataSource()
      .manager.find(SupervisionOrderEntity, { where: { workOrderId: registered.workOrderId } });
    expect(orders).toEqual([
      expect.objectContaining({ kind: 'referral-escalation', organisationId: 'org-371324-centre' }),
    ]);
  });

  it('moves the work order to the organisation that accepted a referral, and keeps it where it is when that organisation cannot take it', async () => {
    const registered = await submit({
      applicant: { name: '韩七', idCardNumber: validIdCard('371324'), phone: '13400000006' },
    });
    const first = (
      await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === registered.workOrderId)
    ).data;
    expect(first.organisationId).toBe('org-371324-legal-aid');
    const referral = (toOrganisationId: string) => ({
      referralId: randomUUID(),
      workOrderId: registered.workOrderId,
      caseCode: registered.caseCode,
      fromOrganisationId: 'org-371324-legal-aid',
      toOrganisationId,
      at: new Date().toISOString(),
      actorId: 'clerk-9',
    });

    // A mediation committee does not handle legal aid: the acceptance is recorded, nothing moves.
    const wrong = referral('org-371324-mediation');
    await h.publish(ReferralAccepted, wrong, registered.workOrderId);
    const stayed = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) =>
        d.workOrderId === registered.workOrderId &&
        d.entry.action === 'referral-accepted' &&
        (d.entry.note ?? '').startsWith('org-371324-mediation'),
    );
    expect(stayed.data).toMatchObject({ status: 'offered', organisationId: 'org-371324-legal-aid' });
    expect(stayed.data.entry.note).toMatch(/stays with org-371324-legal-aid: .*does not handle legal-aid/);

    const right = referral('org-371300-legal-aid');
    await h.publish(ReferralAccepted, right, registered.workOrderId);
    const second = (
      await h.waitForEvent<Dispatched>(
        WorkOrderDispatched.type,
        (d) => d.workOrderId === registered.workOrderId && d.attempt === 2,
      )
    ).data;
    expect(second.organisationId).toBe('org-371300-legal-aid');
    const withdrawn = await h.waitForEvent<EventData<typeof OfferWithdrawn>>(
      OfferWithdrawn.type,
      (d) => d.offerId === first.offerId,
    );
    expect(withdrawn.data).toMatchObject({ organisationId: 'org-371324-legal-aid', reason: 'reassigned' });
    const wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: registered.workOrderId });
    expect(wo).toMatchObject({ status: 'offered', organisationId: 'org-371300-legal-aid', offerFailures: 0 });
    const actions = (await h
      .dataSource()
      .query(`SELECT action FROM "${h.schema}"."timeline_entry" WHERE work_order_id = $1 ORDER BY seq`, [
        registered.workOrderId,
      ])) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'received',
      'offered',
      'referral-accepted',
      'referral-accepted',
      'offered',
    ]);
  });

  it('rebuilds the live load counters from PostgreSQL when Redis has lost them', async () => {
    const redis = h.instances[0].app.get<Redis>(REDIS);
    await redis.del('load:org', 'load:staff');
    const registered = await submit({
      regionCode: '371325101',
      applicant: { name: '蒋六', idCardNumber: validIdCard('371325'), phone: '13400000005' },
    });
    await h.waitForEvent<Dispatched>(WorkOrderDispatched.type, (d) => d.workOrderId === registered.workOrderId);
    const counted = Number(await redis.hget('load:org', 'org-371325-legal-aid'));
    const [{ n }] = (await h
      .dataSource()
      .query(
        `SELECT count(*)::int AS n FROM "${h.schema}"."work_order" WHERE organisation_id = 'org-371325-legal-aid' AND status IN ('offered', 'accepted', 'in-progress', 'waiting-applicant')`,
      )) as { n: number }[];
    expect(n).toBe(1);
    expect(counted).toBe(n);
    expect(await redis.hget('load:org', 'org-371324-legal-aid')).not.toBeNull();
  });
});
