import { calendarDay, shanghaiDateOf, unloadOfficialYear } from '@legal/domain';
import { CalendarLoadFixture, testCalendarYear, WorkOrderRouterFixture } from '@legal/handler-kit';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import type { NotarizationEnv } from '../config/notarization.env';
import { notarizationService } from '../notarization.definition';
import { notarizationOffer } from '../testing/notarization-offer';
import { computeCertificateClock } from './certificate-clock';

jest.setTimeout(90_000);

/** Materials accepted Monday 21 December 2026: 15 working days run into January 2027. */
const SUBMITTED = new Date('2026-12-21T02:00:00Z');
/** 1-5 January off, Saturday 9 January worked (test dates, not the real notice). */
const YEAR_2027 = testCalendarYear({
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05'],
  workdays: ['2027-01-09'],
});

describe('certificate clock follows a year loaded on legal.calendar (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('ntcal');
  let auth: TestAuthority;
  let service: RunningService<NotarizationEnv>;
  let router: WorkOrderRouterFixture;
  let calendar: CalendarLoadFixture;
  let db: DataSource;
  let notary: string;

  beforeAll(async () => {
    unloadOfficialYear(2027);
    auth = await TestAuthority.create();
    service = await startService(notarizationService, isolatedOverrides(tag, 'notarization', auth.env));
    db = service.app.get(DataSource);
    router = await WorkOrderRouterFixture.connect(tag, notarizationOffer);
    calendar = new CalendarLoadFixture(router);
    notary = await auth.bearer({ sub: 'notary-li', roles: ['notary'], org: 'org-371324-notary', region: '371324' });
  });

  afterAll(async () => {
    unloadOfficialYear(2027);
    await router?.close();
    await service?.stop();
  });

  it('a running clock crossing the new holidays moves, with a history entry and a deadline-recomputed report', async () => {
    const offer = router.offer();
    await router.dispatch(offer);
    const recorded = async (): Promise<true | undefined> =>
      (await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', notary)).status === 200
        ? true
        : undefined;
    await waitUntil(recorded, 30_000, `offer ${offer.offerId} recorded`);
    const accepted = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', notary)
      .expect(201);
    const id = (accepted.body as { id: string }).id;

    // As if the materials were accepted on 21 December: the clock runs on the packaged calendar (weekends only).
    const packaged = computeCertificateClock(SUBMITTED, []);
    expect(shanghaiDateOf(packaged.dueAt)).toBe('2027-01-11');
    await db.getRepository(Application).update(id, {
      status: 'accepted',
      clockStatus: 'running',
      submittedAt: SUBMITTED,
      clockDueAt: packaged.dueAt,
      clockExplanation: packaged.explanation,
    });

    await calendar.announce(YEAR_2027);
    const moved = async (): Promise<Application | undefined> => {
      const app = await db.getRepository(Application).findOneByOrFail({ id });
      return app.clockDueAt?.getTime() !== packaged.dueAt.getTime() ? app : undefined;
    };
    const stored = await waitUntil(moved, 30_000, 'the certificate clock recomputed');
    // 8 working days in December, 6-8 January, Saturday 9 worked, 11-13 January: 15 on the 13th.
    expect(calendarDay('2027-01-04').kind).toBe('statutory-holiday');
    expect(shanghaiDateOf(stored.clockDueAt as Date)).toBe('2027-01-13');
    expect(stored.clockDueAt?.toISOString()).toBe(computeCertificateClock(SUBMITTED, []).dueAt.toISOString());

    const history = await request(service.url)
      .get(`/applications/${id}/history`)
      .set('authorization', notary)
      .expect(200);
    const entry = (history.body.items as { step: string; detail: string; actorId: string }[]).find(
      (h) => h.step === 'deadline-recomputed',
    );
    expect(entry).toMatchObject({ actorId: 'system:calendar' });
    expect(entry?.detail).toContain('2027-01-11 → 2027-01-13');

    const report = await calendar.recomputed(offer.workOrderId);
    expect(report).toMatchObject({
      handler: 'notarization',
      step: 'deadline-recomputed',
      deadlines: [{ dueAt: stored.clockDueAt?.toISOString(), status: 'running' }],
    });
  });
});
