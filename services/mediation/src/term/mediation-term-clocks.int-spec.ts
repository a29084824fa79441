import { unloadOfficialYear } from '@legal/domain';
import {
  CalendarClockFollower,
  CalendarLoadFixture,
  testCalendarYear,
  WorkOrderRouterFixture,
} from '@legal/handler-kit';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MediationCase } from '../cases/entities/mediation-case.entity';
import type { MediationEnv } from '../config/mediation.env';
import { mediationService } from '../mediation.definition';
import { computeMediationTerm } from './mediation-term';

jest.setTimeout(90_000);

/** Accepted Saturday 5 December 2026: 30 calendar days end on Monday 4 January 2027. */
const ACCEPTED = new Date('2026-12-05T02:00:00Z');
/** A 2027 notice (test dates, not the real notice): 1-4 January off. */
const YEAR_2027 = testCalendarYear({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'] });

describe('mediation term follows a year loaded on legal.calendar (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('medcal');
  let auth: TestAuthority;
  let service: RunningService<MediationEnv>;
  let router: WorkOrderRouterFixture;
  let calendar: CalendarLoadFixture;
  let db: DataSource;
  let mediator: string;

  beforeAll(async () => {
    unloadOfficialYear(2027);
    auth = await TestAuthority.create();
    service = await startService(mediationService, isolatedOverrides(tag, 'mediation', auth.env));
    db = service.app.get(DataSource);
    router = await WorkOrderRouterFixture.connect(tag);
    calendar = new CalendarLoadFixture(router);
    mediator = await auth.bearer({
      sub: 'mediator-wang',
      roles: ['mediator'],
      org: 'org-371324101-mediation',
      region: '371324',
    });
  });

  afterAll(async () => {
    unloadOfficialYear(2027);
    await router?.close();
    await service?.stop();
  });

  it('a term whose last day becomes a holiday moves to the next working day, with history and report', async () => {
    const offer = router.offer({ regionCode: '371324101201', description: '邻居家院墙漏水，多次协商未果' });
    await router.dispatch(offer);
    const recorded = async (): Promise<true | undefined> => {
      const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', mediator);
      return res.status === 200 ? true : undefined;
    };
    await waitUntil(recorded, 30_000, `offer ${offer.offerId} recorded`);
    const accepted = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', mediator)
      .send({})
      .expect(201);
    const caseId = (accepted.body as { id: string }).id;

    // The case as if accepted in early December: its term computed with the packaged (weekend-only) 2027.
    const packaged = computeMediationTerm(ACCEPTED, []);
    expect(packaged.dueAt.toISOString().slice(0, 10)).toBe('2027-01-04');
    await db.getRepository(MediationCase).update(caseId, { acceptedAt: ACCEPTED, termDueAt: packaged.dueAt });

    await calendar.announce(YEAR_2027);
    const moved = async (): Promise<MediationCase | undefined> => {
      const c = await db.getRepository(MediationCase).findOneByOrFail({ id: caseId });
      return c.termDueAt.getTime() !== packaged.dueAt.getTime() ? c : undefined;
    };
    const stored = await waitUntil(moved, 30_000, 'the mediation term recomputed');
    expect(stored.termDueAt.toISOString()).toBe(computeMediationTerm(ACCEPTED, []).dueAt.toISOString());
    expect(stored.termDueAt.getTime()).toBeGreaterThan(packaged.dueAt.getTime());
    expect(new Date(stored.termDueAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10)).toBe('2027-01-05');

    const history = await request(service.url)
      .get(`/cases/${caseId}/history`)
      .set('authorization', mediator)
      .expect(200);
    const entry = (history.body.items as { step: string; detail: string; actorId: string }[]).find(
      (h) => h.step === 'deadline-recomputed',
    );
    expect(entry).toMatchObject({ actorId: 'system:calendar' });
    expect(entry?.detail).toContain('2027-01-04 → 2027-01-05');

    const report = await calendar.recomputed(offer.workOrderId);
    expect(report).toMatchObject({
      handler: 'mediation',
      handlerCaseId: caseId,
      step: 'deadline-recomputed',
      deadlines: [{ kind: 'mediation-term', dueAt: stored.termDueAt.toISOString(), status: 'running' }],
    });

    // A second run (another instance) finds nothing to move.
    const again = { year: 2027, version: 1, changedDays: YEAR_2027.changedDays };
    expect(await service.app.get(CalendarClockFollower).recompute(again)).toBe(0);
  });
});
