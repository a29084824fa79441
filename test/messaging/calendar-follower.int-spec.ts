import { calendarDay, officialCalendarSource, unloadOfficialYear } from '@legal/domain';
import { CalendarFollower, startService } from '@legal/service-kit';
import type { RunningService } from '@legal/service-kit';
import { isolatedOverrides, waitUntil } from '@legal/testing';
import request from 'supertest';
import { computeCertificateClock } from '../../services/notarization/src/clock/certificate-clock';
import type { NotarizationEnv } from '../../services/notarization/src/config/notarization.env';
import { notarizationService } from '../../services/notarization/src/notarization.definition';
import { WorkOrderHarness } from '../../services/work-order/test/work-order-harness';

// Real servers and Kafka round trips: longer than Jest's 5 s default.
jest.setTimeout(120_000);

const NEW_YEAR = "New Year's Day";
/** A 2027 notice (dates of the test, not the real notice): 1-5 January off, Saturday 9 January worked. */
const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05'].map((date) => ({
    date,
    name: '元旦',
    nameEn: NEW_YEAR,
  })),
  workdays: [{ date: '2027-01-09', name: '元旦', nameEn: NEW_YEAR }],
};

/** Accepted on Monday 21 December 2026: its 15 working days run into January 2027. */
const ACCEPTED = new Date('2026-12-21T02:00:00Z');

interface FollowerReadiness {
  status: string;
  caughtUp: boolean;
  years: Record<string, number>;
}

describe('every service follows the calendar loaded on work-order (real Kafka, PostgreSQL)', () => {
  let wo: WorkOrderHarness;
  const notarizations: RunningService<NotarizationEnv>[] = [];

  const startNotarization = async (): Promise<RunningService<NotarizationEnv>> => {
    const running = await startService(notarizationService, isolatedOverrides(wo.tag, 'notarization', wo.auth.env));
    notarizations.push(running);
    return running;
  };

  const followerReadiness = async (service: RunningService<NotarizationEnv>): Promise<FollowerReadiness> => {
    const res = await request(service.url).get('/health/ready');
    const info = (res.body as { info?: Record<string, FollowerReadiness> }).info ?? {};
    return info['calendar-follower'] as FollowerReadiness;
  };

  beforeAll(async () => {
    unloadOfficialYear(2027);
    wo = await WorkOrderHarness.start('calfollow');
  });

  afterAll(async () => {
    for (const s of notarizations) await s.stop().catch(() => undefined);
    await wo?.stop();
    unloadOfficialYear(2027);
  });

  it('a running handler applies a load as it arrives, and one started after the load still applies it', async () => {
    const running = await startNotarization();
    const follower = running.app.get(CalendarFollower);
    const caughtUp = async (): Promise<true | undefined> => (follower.caughtUp ? true : undefined);
    await waitUntil(caughtUp, 30_000, 'the follower caught up (nothing loaded)');
    expect(await followerReadiness(running)).toMatchObject({ status: 'up', caughtUp: true, years: {} });
    const packaged = computeCertificateClock(ACCEPTED, []).dueAt;

    const admin = await wo.bearer({ roles: ['admin'], sub: 'admin-calendar', region: '370000' });
    await wo.http.post('/admin/calendar/years/2027').set('authorization', admin).send(NOTICE_2027).expect(201);
    const seen = await waitUntil(
      async () => (follower.appliedYears()['2027'] === 1 ? follower.appliedYears() : undefined),
      30_000,
      'the running notarization instance applied 2027 v1 from legal.calendar',
    );
    expect(seen).toEqual({ '2027': 1 });

    // A new process: nothing of 2027 in memory until its follower reads the compacted topic from the start.
    await running.stop();
    notarizations.pop();
    unloadOfficialYear(2027);
    expect(officialCalendarSource(2027)).not.toBe('loaded');
    expect(calendarDay('2027-01-04').kind).toBe('working-day');
    const restarted = await startNotarization();
    await waitUntil(
      async () => (officialCalendarSource(2027) === 'loaded' ? true : undefined),
      30_000,
      'the restarted notarization instance applied 2027 from legal.calendar',
    );
    expect(restarted.app.get(CalendarFollower).appliedYears()).toEqual({ '2027': 1 });
    expect(calendarDay('2027-01-04').kind).toBe('statutory-holiday');
    expect(calendarDay('2027-01-09').kind).toBe('adjusted-working-day');
    expect(await followerReadiness(restarted)).toMatchObject({ status: 'up', caughtUp: true, years: { '2027': 1 } });

    // Notarization's 15 working days counted from the day after acceptance (22 December 2026). Weekends
    // only (no 2027 in the package): 22-25, 28-31 December (8), Friday 1 January (9), 4-8 (14), 11 (15).
    // With the loaded notice: 8 in December, 6-8 January (11), Saturday 9 worked (12), 11-13 January (15).
    expect(packaged.toISOString().slice(0, 10)).toBe('2027-01-11');
    const loaded = computeCertificateClock(ACCEPTED, []);
    expect(loaded.dueAt.toISOString().slice(0, 10)).toBe('2027-01-13');
  });
});
