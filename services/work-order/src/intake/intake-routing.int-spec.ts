import {
  IntakeRegistered,
  IntakeRejected,
  IntakeSubmitted,
  WorkOrderChanged,
  WorkOrderDispatched,
} from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { waitUntil } from '@legal/testing';
import { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { intake, WORKDAY_MORNING } from '../../test/intake-factory';
import { WorkOrderHarness } from '../../test/work-order-harness';

// Real servers: starting instances and waiting for Kafka round trips takes longer than Jest's 5 s default.
jest.setTimeout(90_000);

type Registered = EventData<typeof IntakeRegistered>;
type Dispatched = EventData<typeof WorkOrderDispatched>;
type Changed = EventData<typeof WorkOrderChanged>;

describe('intake → case code → dedupe → routing (real Kafka, PostgreSQL, Redis)', () => {
  let h: WorkOrderHarness;

  beforeAll(async () => {
    h = await WorkOrderHarness.start('wointake');
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('routes a hotline wage-arrears (讨薪) legal-aid request from a Linyi township to its county legal-aid centre, explaining the rules; the portal repeat gets the same case code and no new work order', async () => {
    const first = intake({ platform: 'hotline', regionCode: '371324102', submittedAt: WORKDAY_MORNING });
    await h.publish(IntakeSubmitted, first, first.intakeId);

    const registered = await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === first.intakeId);
    expect(registered.data).toMatchObject({ outcome: 'created', platform: 'hotline' });
    expect(registered.data.caseCode).toMatch(/^371324-\d{8}-\d{6}-[0-9A-Z=]$/);
    const offer = await h.waitForEvent<Dispatched>(
      WorkOrderDispatched.type,
      (d) => d.caseCode === registered.data.caseCode,
    );
    expect(offer.data).toMatchObject({
      organisationId: 'org-371324-legal-aid',
      organisationName: '临沂市兰陵县法律援助中心',
      handler: 'legal-aid',
      attempt: 1,
      serviceType: 'legal-aid',
    });
    expect(offer.data.applicant.phone).toBe(first.applicant.phone);

    const token = await h.bearer({ roles: ['legal-aid-officer'], org: 'org-371324-legal-aid', region: '371324' });
    const routing = await h.http
      .get(`/work-orders/${registered.data.caseCode}/routing`)
      .set('authorization', token)
      .expect(200);
    const decision = routing.body.decisions[0];
    expect(decision.winnerOrganisationId).toBe('org-371324-legal-aid');
    expect(decision.explanation).toContain('[handler.legal-aid r1]');
    expect(decision.explanation).toContain('[jurisdiction r1]');
    expect(decision.explanation).toContain('Legal aid, duty-lawyer help and notified defence go to legal-aid centres');
    expect(decision.candidates.map((c: { organisationId: string }) => c.organisationId)).toEqual([
      'org-371324-legal-aid',
      'org-371300-legal-aid',
      'org-370000-legal-aid',
    ]);
    expect(decision.priority).toBe('high');

    const changes = await waitUntil(() => {
      const found = h.events<Changed>(WorkOrderChanged.type, (d) => d.caseCode === registered.data.caseCode);
      return found.length >= 2 ? found : undefined;
    });
    expect(changes.map((c) => [c.data.version, c.data.status])).toEqual([
      [1, 'received'],
      [2, 'offered'],
    ]);
    expect(JSON.stringify(changes.map((c) => c.data))).not.toContain(first.applicant.phone);
    expect(JSON.stringify(changes.map((c) => c.data))).not.toContain(first.applicant.idCardNumber);
    expect(changes[1].data.citizen).toMatchObject({ displayName: '张*', phoneLast4: first.applicant.phone?.slice(-4) });
    expect(changes[1].data.deadlines).toEqual([
      expect.objectContaining({
        kind: 'legal-aid-decision',
        rule: 'calendar-days',
        dueAt: '2025-12-08T15:59:59.999Z',
        status: 'running',
      }),
    ]);

    const again = intake({
      ...first,
      intakeId: crypto.randomUUID(),
      platform: 'portal',
      platformRecordId: 'web-1',
      submittedAt: new Date().toISOString(),
      submittedBy: { role: 'citizen', userId: 'citizen-1' },
      citizenUserId: 'citizen-1',
    });
    await h.publish(IntakeSubmitted, again, again.intakeId);
    const linked = await h.waitForEvent<Registered>(IntakeRegistered.type, (d) => d.intakeId === again.intakeId);
    expect(linked.data).toMatchObject({
      outcome: 'linked-to-existing',
      caseCode: registered.data.caseCode,
      workOrderId: registered.data.workOrderId,
      platform: 'portal',
    });
    const count = await h.dataSource().manager.count(WorkOrderEntity, { where: { description: first.description } });
    expect(count).toBe(1);

    const detail = await h.http.get(`/work-orders/${registered.data.caseCode}`).set('authorization', token).expect(200);
    expect(detail.body.platforms).toEqual(['hotline', 'portal']);
    expect(detail.body.intakes.map((i: { outcome: string }) => i.outcome)).toEqual(['created', 'linked-to-existing']);
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'received',
      'offered',
      'intake-linked',
    ]);
    expect(detail.body.applicant).toEqual({
      displayName: '张*',
      phone: `*******${first.applicant.phone?.slice(-4)}`,
      hasIdCard: true,
    });
  });

  it('rejects a well-formed intake from a region that is not a Shandong division with IntakeRejected, and creates nothing', async () => {
    const bad = intake({ regionCode: '379999', description: `无效地区 ${crypto.randomUUID()}` });
    await h.publish(IntakeSubmitted, bad, bad.intakeId);
    const rejected = await h.waitForEvent<EventData<typeof IntakeRejected>>(
      IntakeRejected.type,
      (d) => d.intakeId === bad.intakeId,
    );
    expect(rejected.data.reasons).toEqual(['regionCode: 379999 is not a known division of Shandong']);
    expect(await h.dataSource().manager.count(WorkOrderEntity, { where: { description: bad.description } })).toBe(0);
  });
});
