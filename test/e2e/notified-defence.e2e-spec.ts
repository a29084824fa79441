/**
 * Notified defence (通知辩护) under one case code, on the real stack (PostgreSQL, Redis, Kafka), work-order
 * and legal-aid started in-process with a shared tag: a court's notice recorded by legal aid becomes one
 * work order with a central case code and the 3-day appointment clock (法律援助法 art. 36), offered back to
 * legal aid, which links the offer to the application the notice opened (one notice = one work order =
 * one legal-aid matter); the platforms see it on the lifecycle stream; a repeated notice changes nothing.
 */
import { IntakeRegistered, prefixedTopic, workOrderIdForIntake, WorkOrderChanged } from '@legal/contracts';
import type { EventData } from '@legal/contracts';
import { addCalendarDaysLegal } from '@legal/domain';
import { EventCollector } from '@legal/messaging';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Application } from '../../services/legal-aid/src/applications/entities/application.entity';
import { legalAidService } from '../../services/legal-aid/src/legal-aid.definition';
import { idCard } from '../../services/legal-aid/src/testing/partner-events.fixture';
import { workOrderService } from '../../services/work-order/src/work-order.definition';

jest.setTimeout(180_000);

type Changed = EventData<typeof WorkOrderChanged>;
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe('notified defence under one code (work-order, legal-aid)', () => {
  const tag = uniqueTag('e2edefence');
  let auth: TestAuthority;
  let workOrder: RunningService;
  let legalAid: RunningService;
  let events: EventCollector;
  let court: string;

  beforeAll(async () => {
    auth = await TestAuthority.create();
    workOrder = await startService(workOrderService, isolatedOverrides(tag, 'wo', { ...auth.env }));
    const legalAidEnv = { ...auth.env, SWEEPER_INTERVAL_MS: 300, AUTO_ACCEPT_OFFERS: true };
    legalAid = await startService(legalAidService, isolatedOverrides(tag, 'legalaid', legalAidEnv));
    const topics = ['legal.intake.outcome', 'legal.workorder.changed'].map((t) => prefixedTopic(tag, t));
    events = await EventCollector.start(BROKERS, topics);
    const roles = ['partner' as const];
    const clientId = 'court-371302';
    court = await auth.bearer({ sub: clientId, roles, clientId, org: 'org-371302-court', region: '371302' });
    const admin = await auth.bearer({ sub: 'admin-1', roles: ['admin'] });
    const lawyer = {
      name: '周强',
      lawFirm: '临沂刑辩律师事务所',
      expertiseTags: ['criminal-defence'],
      regionCode: '371302',
      capacity: 5,
    };
    await request(legalAid.url).post('/admin/lawyers').set('authorization', admin).send(lawyer).expect(201);
  });

  const applications = () => legalAid.app.get(DataSource).getRepository(Application);
  const intakeIdOf = (data: unknown): string | undefined => (data as { intakeId?: string }).intakeId;

  afterAll(async () => {
    await events?.stop();
    await legalAid?.stop();
    await workOrder?.stop();
  });

  it('makes a court notice one work order with a case code and 3-day clock, accepted into its matter', async () => {
    const notice = {
      noticeId: randomUUID(),
      agency: 'court',
      agencyName: '临沂市兰山区人民法院',
      agencyCaseNumber: '(2026)鲁1302刑初4711号',
      organisationId: 'org-371302-court',
      regionCode: '371302',
      suspect: { name: '李四', idCardNumber: idCard('37130219900101123'), minor: false },
      charge: '盗窃罪',
      stage: 'trial',
      noticeReceivedAt: new Date(Date.now() - 3600_000).toISOString(),
    };
    const file = (body: object) =>
      request(legalAid.url).post('/defence-notices').set('authorization', court).send(body);
    const created = await file(notice).expect(201);
    const workOrderId = workOrderIdForIntake(notice.noticeId);

    // Work-order registers the notice as an intake of its own (intake id = notice id) with a central case code.
    const [registered] = await events.waitFor(
      (r) => r.event?.type === IntakeRegistered.type && intakeIdOf(r.event.data) === notice.noticeId,
      1,
      60_000,
    );
    const reg = registered!.event!.data as EventData<typeof IntakeRegistered>;
    expect(reg).toMatchObject({ workOrderId, outcome: 'created' });

    // Legal aid accepts the offer into the application the notice opened: the work order names its case number.
    const app = await waitUntil(
      async () => {
        const a = await applications().findOne({ where: { noticeId: notice.noticeId } });
        return a?.workOrderId ? a : undefined;
      },
      60_000,
      'notice application linked',
    );
    const linked = { id: created.body.applicationId, workOrderId, caseCode: reg.caseCode, kind: 'notified-defence' };
    expect(app).toMatchObject(linked);
    expect(await applications().countBy({ workOrderId })).toBe(1);

    const accepted = await events.waitFor(
      (r) =>
        r.event?.type === WorkOrderChanged.type &&
        (r.event.data as Changed).workOrderId === workOrderId &&
        (r.event.data as Changed).status === 'accepted',
      1,
      60_000,
    );
    const view = accepted[0]!.event!.data as Changed;
    expect(view).toMatchObject({ caseCode: reg.caseCode, serviceType: 'notified-defence', handler: 'legal-aid' });
    const due = addCalendarDaysLegal(new Date(notice.noticeReceivedAt), 3).dueAt.toISOString();
    const clock = expect.objectContaining({ kind: 'defence-appointment', dueAt: due });
    expect(view.deadlines).toEqual(expect.arrayContaining([clock]));

    // The lawyer legal aid appointed meets the work order's 3-day clock.
    const met = await events.waitFor(
      (r) =>
        r.event?.type === WorkOrderChanged.type &&
        (r.event.data as Changed).workOrderId === workOrderId &&
        (r.event.data as Changed).deadlines.some((d) => d.kind === 'defence-appointment' && d.status === 'met'),
      1,
      60_000,
    );
    expect(met).toHaveLength(1);

    // The same notice again: legal aid answers with the same application and nothing new reaches work-order.
    const again = await file(notice).expect(200);
    expect(again.body).toMatchObject({ applicationId: created.body.applicationId, created: false });
    const detail = await request(workOrder.url)
      .get(`/work-orders/${reg.caseCode}`)
      .set('authorization', await auth.bearer({ roles: ['supervisor'], region: '370000' }))
      .expect(200);
    expect(detail.body).toMatchObject({ caseCode: reg.caseCode, serviceType: 'notified-defence' });
    const intakes = events
      .events()
      .filter((e) => e.type === IntakeRegistered.type && intakeIdOf(e.data) === notice.noticeId);
    expect(intakes).toHaveLength(1);

    // A second notice for the same person (a new stage, a new case number) is a work order of its own.
    const next = {
      ...notice,
      noticeId: randomUUID(),
      agencyCaseNumber: '(2026)鲁1302刑初4712号',
      stage: 'prosecution',
    };
    await file(next).expect(201);
    const [second] = await events.waitFor(
      (r) => r.event?.type === IntakeRegistered.type && intakeIdOf(r.event.data) === next.noticeId,
      1,
      60_000,
    );
    const reg2 = second!.event!.data as EventData<typeof IntakeRegistered>;
    expect(reg2).toMatchObject({ outcome: 'created', workOrderId: workOrderIdForIntake(next.noticeId) });
    expect(reg2.caseCode).not.toBe(reg.caseCode);
    await waitUntil(
      async () => {
        const a = await applications().findOne({ where: { noticeId: next.noticeId } });
        return a?.caseCode === reg2.caseCode ? a : undefined;
      },
      60_000,
      'second notice linked to its own work order',
    );
  });
});
