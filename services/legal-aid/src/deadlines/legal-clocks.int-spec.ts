import { randomUUID } from 'node:crypto';
import { addCalendarDaysLegal, shanghaiDateOf, unloadOfficialYear } from '@legal/domain';
import { CalendarLoadFixture, testCalendarYear, WorkOrderRouterFixture } from '@legal/handler-kit';
import type { DispatchedData } from '@legal/handler-kit';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import type { LegalAidEnv } from '../config/legal-aid.env';
import { legalAidService } from '../legal-aid.definition';
import { ReturnVisit } from '../return-visits/entities/return-visit.entity';
import { idCard } from '../testing/partner-events.fixture';
import { ApplicationDeadline } from './entities/application-deadline.entity';
import { computeClock } from './legal-clock';

jest.setTimeout(90_000);

/** Received Monday 28 December 2026: 7 days end on Monday 4 January 2027. */
const RECEIVED = new Date('2026-12-28T02:00:00Z');
/** Closed Saturday 5 December 2026: the return visit (30 days) is due Monday 4 January 2027. */
const CLOSED = new Date('2026-12-05T02:00:00Z');
/** 1-5 January off, Saturday 9 January worked (test dates, not the real notice). */
const YEAR_2027 = testCalendarYear({
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05'],
  workdays: ['2027-01-09'],
});

interface HistoryItem {
  actor: string;
  action: string;
  detail: string;
}

describe('legal-aid clocks follow a year loaded on legal.calendar (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('lacal');
  let auth: TestAuthority;
  let service: RunningService<LegalAidEnv>;
  let router: WorkOrderRouterFixture;
  let calendar: CalendarLoadFixture;
  let db: DataSource;
  let officer: string;

  /** Dispatches a legal-aid offer, accepts it as the officer and returns the offer and the application id. */
  const accepted = async (): Promise<{ offer: DispatchedData; id: string }> => {
    const offer = router.offer();
    await router.dispatch(offer);
    const recorded = async (): Promise<true | undefined> =>
      (await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', officer)).status === 200
        ? true
        : undefined;
    await waitUntil(recorded, 30_000, `offer ${offer.offerId} recorded`);
    const res = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', officer)
      .expect(201);
    return { offer, id: (res.body as { id: string }).id };
  };

  const history = async (id: string): Promise<HistoryItem[]> => {
    const res = await request(service.url).get(`/applications/${id}`).set('authorization', officer).expect(200);
    return res.body.history as HistoryItem[];
  };

  beforeAll(async () => {
    unloadOfficialYear(2027);
    auth = await TestAuthority.create();
    service = await startService(
      legalAidService,
      isolatedOverrides(tag, 'legalaid', { ...auth.env, AUTO_ACCEPT_OFFERS: false }),
    );
    db = service.app.get(DataSource);
    router = await WorkOrderRouterFixture.connect(tag, {
      handler: 'legal-aid',
      organisationId: 'org-371324-legal-aid',
      organisationName: '兰陵县法律援助中心',
      organisationRegionCode: '371324',
      serviceType: 'legal-aid',
      regionCode: '371324101',
      description: '在工地打工，老板拖欠工资三万元',
      applicant: { name: '张三', phone: '13812345678', idCardNumber: idCard('37132419900307123') },
    });
    calendar = new CalendarLoadFixture(router);
    officer = await auth.bearer({
      sub: 'officer-chen',
      roles: ['legal-aid-officer'],
      org: 'org-371324-legal-aid',
      region: '371324',
    });
  });

  afterAll(async () => {
    unloadOfficialYear(2027);
    await router?.close();
    await service?.stop();
  });

  it('moves a running decision clock and an open return visit (回访) whose last day becomes a holiday', async () => {
    // A decision clock as if the application was received on 28 December (packaged calendar: weekends only).
    const deciding = await accepted();
    const decision = await db
      .getRepository(ApplicationDeadline)
      .findOneByOrFail({ applicationId: deciding.id, kind: 'legal-aid-decision' });
    const packagedDecision = computeClock('legal-aid-decision', RECEIVED, decision.days, []);
    expect(shanghaiDateOf(packagedDecision.dueAt)).toBe('2027-01-04');
    await db
      .getRepository(ApplicationDeadline)
      .update(decision.id, { startedAt: RECEIVED, dueAt: packagedDecision.dueAt, status: 'running', pauses: [] });

    // A case closed on 5 December whose return visit is due 30 days later, 4 January.
    const closed = await accepted();
    await db.getRepository(Application).update(closed.id, { closedAt: CLOSED });
    const packagedVisit = addCalendarDaysLegal(CLOSED, service.env.RETURN_VISIT_DUE_DAYS);
    expect(shanghaiDateOf(packagedVisit.dueAt)).toBe('2027-01-04');
    const visitId = randomUUID();
    await db.getRepository(ReturnVisit).insert({
      id: visitId,
      applicationId: closed.id,
      regionCode: '371324',
      dueAt: packagedVisit.dueAt,
      status: 'open',
      reached: null,
      satisfaction: null,
      notes: null,
      completedAt: null,
      completedBy: null,
    });

    await calendar.announce(YEAR_2027);

    // The decision clock: 4 and 5 January are holidays now, so the period ends on Wednesday 6 January.
    const decisionMoved = async (): Promise<ApplicationDeadline | undefined> => {
      const d = await db.getRepository(ApplicationDeadline).findOneByOrFail({ id: decision.id });
      return d.dueAt.getTime() !== packagedDecision.dueAt.getTime() ? d : undefined;
    };
    const storedDecision = await waitUntil(decisionMoved, 30_000, 'the decision clock recomputed');
    expect(shanghaiDateOf(storedDecision.dueAt)).toBe('2027-01-06');
    const decisionEntry = (await history(deciding.id)).find((h) => h.action === 'deadline-recomputed');
    expect(decisionEntry).toMatchObject({ actor: 'system:calendar' });
    expect(decisionEntry?.detail).toContain('legal-aid-decision due 2027-01-04 → 2027-01-06');
    const report = await calendar.recomputed(deciding.offer.workOrderId);
    expect(report).toMatchObject({
      handler: 'legal-aid',
      step: 'deadline-recomputed',
      deadlines: [{ kind: 'legal-aid-decision', dueAt: storedDecision.dueAt.toISOString(), status: 'running' }],
    });

    // The return visit moves the same way, with a timeline entry; officers see the new date in their list.
    const visitMoved = async (): Promise<ReturnVisit | undefined> => {
      const v = await db.getRepository(ReturnVisit).findOneByOrFail({ id: visitId });
      return v.dueAt.getTime() !== packagedVisit.dueAt.getTime() ? v : undefined;
    };
    const storedVisit = await waitUntil(visitMoved, 30_000, 'the return visit recomputed');
    expect(storedVisit.dueAt.toISOString()).toBe(
      addCalendarDaysLegal(CLOSED, service.env.RETURN_VISIT_DUE_DAYS).dueAt.toISOString(),
    );
    expect(shanghaiDateOf(storedVisit.dueAt)).toBe('2027-01-06');
    const visitEntry = (await history(closed.id)).find((h) => h.action === 'deadline-recomputed');
    expect(visitEntry).toMatchObject({ actor: 'system:calendar' });
    expect(visitEntry?.detail).toContain('return visit due 2027-01-04 → 2027-01-06');
    const list = await request(service.url).get('/return-visits?status=open').set('authorization', officer).expect(200);
    const listed = (list.body.items as { id: string; dueAt: string }[]).find((v) => v.id === visitId);
    expect(listed?.dueAt).toBe(storedVisit.dueAt.toISOString());
  });
});
