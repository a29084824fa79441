import {
  InfoReceived,
  IntakeRegistered,
  IntakeSubmitted,
  NeedsInfo,
  OfferAccepted,
  OfferRejected,
  OfferWithdrawn,
  Resolved,
  WorkOrderChanged,
  WorkOrderDispatched,
} from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { waitUntil } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import { shanghaiDateTimeOf } from '@legal/domain';
import { ROUND_THE_CLOCK } from '../organisations/duty-schedule';
import { DeadlineEntity } from '../sla/entities/deadline.entity';
import { offerWindow } from './offer-window';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { intake, validIdCard } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';

// Real servers: starting instances and waiting for Kafka round trips takes longer than Jest's 5 s default.
jest.setTimeout(90_000);

type Registered = EventData<typeof IntakeRegistered>;
type Dispatched = EventData<typeof WorkOrderDispatched>;
type Changed = EventData<typeof WorkOrderChanged>;

const OFFICE = { alwaysOn: false, workingDays: [{ from: '08:30', to: '17:30' }], restDays: [] };

describe('offer and accept: timeouts, rejections, handler reports, clocks (real stack)', () => {
  let h: WorkOrderHarness;
  let admin: string;

  beforeAll(async () => {
    // Tiny offer timeout and a fast offer sweeper; the deadline sweeper stays out of the way.
    h = await WorkOrderHarness.start('wooffer', {
      OFFER_TIMEOUT_SECONDS: 2,
      OFFER_SWEEP_INTERVAL_MS: 200,
      DEADLINE_SWEEP_INTERVAL_MS: 3_600_000,
    });
    admin = await h.bearer({ roles: ['admin'], region: '370000' });
  });

  afterAll(async () => {
    await h?.stop();
  });

  async function submit(
    overrides: Parameters<typeof intake>[0],
  ): Promise<{ registered: Registered; offer: Dispatched }> {
    const data = intake(overrides);
    await h.publish(IntakeSubmitted, data, data.intakeId);
    const registered = (await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === data.intakeId))
      .data;
    const offer = (
      await h.waitForEvent<Dispatched>(
        WorkOrderDispatched.type,
        (d) => d.workOrderId === registered.workOrderId && d.attempt === 1,
      )
    ).data;
    return { registered, offer };
  }

  it("counts an offer's response window in the receiving office's duty hours, and on the wall clock when urgent", async () => {
    // An office open one minute a day on working days: a 2 s window ends inside the next opening, never 2 s later.
    const narrow = { alwaysOn: false, workingDays: [{ from: '09:00', to: '09:01' }], restDays: [] };
    await h.http
      .patch('/admin/organisations/org-371325-legal-aid')
      .set('authorization', admin)
      .send({ dutyHours: narrow })
      .expect(200);
    const applicant = { name: '冯一', idCardNumber: validIdCard('371325'), phone: '13900000011' };
    const { registered, offer } = await submit({ regionCode: '371325101', applicant });
    expect(offer.organisationId).toBe('org-371325-legal-aid');
    const offeredAt = new Date(offer.offeredAt);
    const expected = offerWindow({ offeredAt, windowSeconds: 2, dutyHours: narrow, urgent: false });
    expect(offer.expiresAt).toBe(expected.expiresAt.toISOString());
    expect(new Date(offer.expiresAt).getTime() - offeredAt.getTime()).toBeGreaterThan(2000);
    expect(shanghaiDateTimeOf(new Date(offer.expiresAt)).slice(11)).toBe('09:00');
    const timeline = await h
      .dataSource()
      .query(`SELECT data FROM "${h.schema}"."timeline_entry" WHERE work_order_id = $1 AND action = 'offered'`, [
        registered.workOrderId,
      ]);
    expect((timeline as { data: { expiry: string } }[])[0].data.expiry).toMatch(/of duty time from .*counted/);

    const urgentApplicant = { name: '冯二', idCardNumber: validIdCard('371325'), phone: '13900000012' };
    const urgent = await submit({ regionCode: '371325101', urgency: 'urgent', applicant: urgentApplicant });
    expect(new Date(urgent.offer.expiresAt).getTime() - new Date(urgent.offer.offeredAt).getTime()).toBe(2000);
  });

  it('moves an unanswered offer to the next candidate when it times out, withdrawing it (OfferWithdrawn expired)', async () => {
    // The county centre keeps a 7x24 duty roster here, so its 2 s window runs on the wall clock.
    await h.http
      .patch('/admin/organisations/org-371322-legal-aid')
      .set('authorization', admin)
      .send({ dutyHours: ROUND_THE_CLOCK })
      .expect(200);
    // A second legal-aid centre at the same county level: the next candidate after the county centre.
    await h.http
      .post('/admin/organisations')
      .set('authorization', admin)
      .send({
        id: 'org-371322-legal-aid-annex',
        name: '郯城县法律援助中心分中心',
        kind: 'legal-aid-centre',
        regionCode: '371322',
        serviceTypes: ['legal-aid'],
        dutyHours: OFFICE,
        address: '山东省临沂市郯城县',
        phone: '0539-1234567',
      })
      .expect(201);
    const { registered, offer } = await submit({
      regionCode: '371322101',
      applicant: { name: '王五', idCardNumber: validIdCard('371322'), phone: '13900000001' },
    });
    expect(offer.organisationId).toBe('org-371322-legal-aid');

    const withdrawn = await h.waitForEvent<EventData<typeof OfferWithdrawn>>(
      OfferWithdrawn.type,
      (d) => d.offerId === offer.offerId,
      15000,
    );
    expect(withdrawn.data).toMatchObject({ reason: 'expired', organisationId: 'org-371322-legal-aid' });
    const second = await h.waitForEvent<Dispatched>(
      WorkOrderDispatched.type,
      (d) => d.workOrderId === registered.workOrderId && d.attempt === 2,
      15000,
    );
    expect(second.data.organisationId).toBe('org-371322-legal-aid-annex');

    const token = await h.bearer({ roles: ['supervisor'], region: '371300' });
    const routing = await h.http
      .get(`/work-orders/${registered.caseCode}/routing`)
      .set('authorization', token)
      .expect(200);
    expect(routing.body.decisions.map((d: { trigger: string }) => d.trigger)).toEqual(['intake', 'offer-expired']);
    expect(routing.body.decisions[1].excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisationId: 'org-371322-legal-aid', excluded: 'did not answer offer 1 in time' }),
      ]),
    );

    // A late acceptance of the expired offer changes nothing.
    await h.publish(
      OfferAccepted,
      {
        workOrderId: registered.workOrderId,
        handler: 'legal-aid',
        handlerCaseId: 'LA-late',
        at: new Date().toISOString(),
        offerId: offer.offerId,
      },
      registered.workOrderId,
    );
    await h.publish(
      OfferAccepted,
      {
        workOrderId: registered.workOrderId,
        handler: 'legal-aid',
        handlerCaseId: 'LA-2',
        at: new Date().toISOString(),
        offerId: second.data.offerId,
      },
      registered.workOrderId,
    );
    const changed = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'accepted',
    );
    expect(changed.data.organisationId).toBe('org-371322-legal-aid-annex');
    const wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: registered.workOrderId });
    expect(wo.handlerCaseId).toBe('LA-2');
  });

  it('moves a rejected offer up the tree to the city legal-aid centre, and after every level rejects, to the supervisor queue', async () => {
    const { registered, offer } = await submit({
      regionCode: '371321101',
      applicant: { name: '赵六', idCardNumber: validIdCard('371321'), phone: '13900000002' },
    });
    expect(offer.organisationId).toBe('org-371321-legal-aid');
    const reject = (offerId: string) =>
      h.publish(
        OfferRejected,
        {
          workOrderId: registered.workOrderId,
          handler: 'legal-aid',
          handlerCaseId: 'none',
          at: new Date().toISOString(),
          offerId,
          reasonCode: 'no-capacity',
          reason: '本周值班律师已满',
        },
        registered.workOrderId,
      );
    await reject(offer.offerId);
    const city = await h.waitForEvent<Dispatched>(
      WorkOrderDispatched.type,
      (d) => d.workOrderId === registered.workOrderId && d.attempt === 2,
    );
    expect(city.data).toMatchObject({ organisationId: 'org-371300-legal-aid', organisationRegionCode: '371300' });
    await reject(city.data.offerId);
    const province = await h.waitForEvent<Dispatched>(
      WorkOrderDispatched.type,
      (d) => d.workOrderId === registered.workOrderId && d.attempt === 3,
    );
    expect(province.data.organisationId).toBe('org-370000-legal-aid');
    await reject(province.data.offerId);
    const queued = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'supervisor-queue',
    );
    expect(queued.data.entry.note).toMatch(/no organisation left/);
  });

  it('pauses the legal-aid decision clock while waiting for the applicant and shifts it on resume', async () => {
    // Received Monday 2025-11-03 10:00 (+08:00): decided within 7 days, i.e. by Monday 2025-11-10.
    const { registered, offer } = await submit({
      regionCode: '371324102',
      submittedAt: '2025-11-03T02:00:00.000Z',
      applicant: { name: '钱七', idCardNumber: validIdCard('371324'), phone: '13900000003' },
    });
    const base = { workOrderId: registered.workOrderId, handler: 'legal-aid' as const, handlerCaseId: 'LA-77' };
    await h.publish(
      OfferAccepted,
      { ...base, at: new Date().toISOString(), offerId: offer.offerId },
      registered.workOrderId,
    );
    const read = () =>
      h
        .dataSource()
        .manager.findOneByOrFail(DeadlineEntity, { workOrderId: registered.workOrderId, kind: 'legal-aid-decision' });
    const before = await read();
    expect(before.dueAt.toISOString()).toBe('2025-11-10T15:59:59.999Z');
    const pausedAt = new Date('2025-11-05T02:00:00.000Z');
    const resumedAt = new Date('2025-11-08T02:00:00.000Z');
    await h.publish(
      NeedsInfo,
      {
        ...base,
        at: pausedAt.toISOString(),
        missingItems: [{ code: 'income-proof', label: '经济困难证明' }],
        notice: '请补充经济困难证明',
        pausesClock: true,
      },
      registered.workOrderId,
    );
    await waitUntil(async () => (await read()).status === 'paused', 15000, 'clock paused');
    await h.publish(
      InfoReceived,
      { ...base, at: resumedAt.toISOString(), receivedItems: ['income-proof'] },
      registered.workOrderId,
    );
    const after = await waitUntil(
      async () => {
        const d = await read();
        return d.status === 'running' && d.pauses.length === 1 ? d : undefined;
      },
      15000,
      'clock resumed',
    );
    // 11-06, 11-07 and 11-08 stood still (the days after the pause day up to the resume day): due Thursday 11-13.
    expect(after.dueAt.toISOString()).toBe('2025-11-13T15:59:59.999Z');
    expect(after.explanation).toMatch(/Paused .*3 calendar days consumed/);
    const changed = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'in-progress',
    );
    expect(changed.data.deadlines[0]).toMatchObject({
      kind: 'legal-aid-decision',
      status: 'running',
      dueAt: after.dueAt.toISOString(),
    });
  });

  it('gives a notarization accepted just before National Day a certificate deadline that skips the holiday and counts the adjusted working weekend', async () => {
    const { registered, offer } = await submit({
      serviceType: 'notarization',
      description: '办理出生公证，出国留学用',
      regionCode: '371324102',
      vulnerableGroup: false,
      applicant: { name: '孙八', idCardNumber: validIdCard('371324', '20000101'), phone: '13900000004' },
    });
    expect(offer).toMatchObject({ organisationId: 'org-371324-notary', handler: 'notarization' });
    await h.publish(
      OfferAccepted,
      {
        workOrderId: registered.workOrderId,
        handler: 'notarization',
        handlerCaseId: 'NT-1',
        at: '2025-09-26T02:00:00.000Z',
        offerId: offer.offerId,
      },
      registered.workOrderId,
    );
    const accepted = await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'accepted',
    );
    const deadline = accepted.data.deadlines.find((d) => d.kind === 'notarization-certificate');
    // 15 working days from Friday 2025-09-26: 09-28 (Sunday, 调休) counts, 10-01..10-08 are skipped, 10-11 (Saturday, 调休) counts.
    expect(deadline).toMatchObject({ rule: 'working-days', dueAt: '2025-10-23T15:59:59.999Z' });
    expect(deadline?.explanation).toMatch(/National Day/);
    expect(deadline?.explanation).toMatch(/adjusted working days/);
    expect(deadline?.explanation).toContain('公证程序规则');
  });

  it('tells the handler that had accepted when a supervisor moves the work order away (OfferWithdrawn of the accepted offer)', async () => {
    const { registered, offer } = await submit({
      regionCode: '371324102',
      applicant: { name: '吴十', idCardNumber: validIdCard('371324'), phone: '13900000006' },
    });
    await h.publish(
      OfferAccepted,
      {
        workOrderId: registered.workOrderId,
        handler: 'legal-aid',
        handlerCaseId: 'LA-moved',
        at: new Date().toISOString(),
        offerId: offer.offerId,
      },
      registered.workOrderId,
    );
    await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'accepted',
    );
    const supervisor = await h.bearer({ roles: ['supervisor'], sub: 'sup-linyi', region: '371300' });
    await h.http
      .post(`/work-orders/${registered.caseCode}/reassign`)
      .set('authorization', supervisor)
      .send({ organisationId: 'org-371300-legal-aid', reason: '县中心律师回避' })
      .expect(200);
    const withdrawn = await h.waitForEvent<EventData<typeof OfferWithdrawn>>(
      OfferWithdrawn.type,
      (d) => d.offerId === offer.offerId,
    );
    expect(withdrawn.data).toMatchObject({ organisationId: offer.organisationId, reason: 'reassigned' });
    const next = (
      await h.waitForEvent<Dispatched>(
        WorkOrderDispatched.type,
        (d) => d.workOrderId === registered.workOrderId && d.attempt === 2,
      )
    ).data;
    expect(next.organisationId).toBe('org-371300-legal-aid');
    const rows = (await h
      .dataSource()
      .query(`SELECT status, answered_at FROM "${h.schema}"."offer" WHERE id = $1`, [offer.offerId])) as {
      status: string;
      answered_at: Date | null;
    }[];
    expect(rows[0]).toMatchObject({ status: 'withdrawn', answered_at: expect.any(Date) });

    // The new centre accepts; the old county case, still open over there, can no longer speak for the work order.
    await h.publish(
      OfferAccepted,
      {
        workOrderId: registered.workOrderId,
        handler: 'legal-aid',
        handlerCaseId: 'LA-city',
        at: new Date().toISOString(),
        offerId: next.offerId,
      },
      registered.workOrderId,
    );
    await h.waitForEvent<Changed>(
      WorkOrderChanged.type,
      (d) => d.workOrderId === registered.workOrderId && d.status === 'accepted' && d.version > 4,
    );
    const stale = await h.publish(
      Resolved,
      {
        workOrderId: registered.workOrderId,
        handler: 'legal-aid',
        handlerCaseId: 'LA-moved',
        at: new Date().toISOString(),
        outcome: 'completed',
        summary: '旧案件办结',
      },
      registered.workOrderId,
    );
    await waitUntil(
      async () => {
        const consumed = (await h
          .dataSource()
          .query(`SELECT count(*)::int AS n FROM "${h.schema}"."inbox_message" WHERE event_id = $1`, [stale.id])) as {
          n: number;
        }[];
        return consumed[0].n === 1;
      },
      15000,
      'stale report consumed',
    );
    const wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: registered.workOrderId });
    expect(wo).toMatchObject({ status: 'accepted', organisationId: 'org-371300-legal-aid', handlerCaseId: 'LA-city' });
  });

  it('ignores a handler report from a service that does not hold the work order', async () => {
    const { registered } = await submit({
      regionCode: '371324102',
      applicant: { name: '周九', idCardNumber: validIdCard('371324'), phone: '13900000005' },
    });
    const foreign = await h.publish(
      NeedsInfo,
      {
        workOrderId: registered.workOrderId,
        handler: 'mediation',
        handlerCaseId: 'MD-x',
        at: new Date().toISOString(),
        missingItems: [{ code: 'x', label: 'x' }],
        notice: 'x',
        pausesClock: true,
      },
      registered.workOrderId,
    );
    const marker = randomUUID();
    const unknown = await h.publish(
      OfferRejected,
      {
        workOrderId: registered.workOrderId,
        handler: 'legal-aid',
        handlerCaseId: 'none',
        at: new Date().toISOString(),
        offerId: marker,
        reasonCode: 'other',
        reason: 'unknown offer',
      },
      registered.workOrderId,
    );
    // Both reports were consumed (same partition, in order) without changing the work order.
    await waitUntil(
      async () => {
        const rows = (await h
          .dataSource()
          .query(`SELECT count(*)::int AS n FROM "${h.schema}"."inbox_message" WHERE event_id IN ($1, $2)`, [
            foreign.id,
            unknown.id,
          ])) as { n: number }[];
        return rows[0].n === 2;
      },
      15000,
      'reports consumed',
    );
    const wo = await h.dataSource().manager.findOneByOrFail(WorkOrderEntity, { id: registered.workOrderId });
    expect(wo.status).toBe('offered');
    expect(wo.version).toBe(2);
  });
});
