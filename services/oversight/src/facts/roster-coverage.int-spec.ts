/**
 * Hotline 7x24 coverage (plan indicator 2) from roster change to indicator value on the real stack: the hotline and
 * oversight in-process with a shared tag (real PostgreSQL, Redis, Kafka); a supervisor changes the hotline's duty
 * roster, the hotline publishes RosterCoverageChanged through its outbox, oversight's group
 * `oversight.roster-coverage-facts` consumes it, and GET /indicators answers the exact share of covered minutes.
 */
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hotlineService } from '../../../hotline/src/hotline.definition';
import { oversightService } from '../oversight.definition';
import { FactsService } from './facts.service';

jest.setTimeout(180_000);

type Figure = { value: number | null; numerator: number; denominator: number | null; measurable: boolean };

describe('hotline 7x24 coverage from the roster to the indicator (real broker)', () => {
  const tag = uniqueTag('ovsroster');
  let auth: TestAuthority;
  let hotline: RunningService;
  let oversight: RunningService;
  let supervisor: string;
  let province: string;

  const at = (day: string, hhmm: string): string => `2027-04-${day}T${hhmm}:00+08:00`;
  const shift = async (seat: string, agentId: string, from: string, to: string): Promise<string> => {
    const res = await request(hotline.url)
      .post('/roster/shifts')
      .set('authorization', supervisor)
      .send({ seat, agentId, startsAt: from, endsAt: to, languages: ['zh'] })
      .expect(201);
    return res.body.id as string;
  };
  const coverage = async (period: string, region?: string): Promise<Figure> => {
    const res = await request(oversight.url)
      .get('/indicators')
      .query(region ? { period, region } : { period })
      .set('authorization', province)
      .expect(200);
    return (res.body.indicators as (Figure & { code: string })[]).find((i) => i.code === 'hotline-coverage')!;
  };
  const until = async (period: string, value: number): Promise<Figure> => {
    let last: Figure | undefined;
    await waitUntil(
      async () => {
        last = await coverage(period);
        return last.value === value;
      },
      60_000,
      `hotline coverage of ${period} to reach ${value} (last ${JSON.stringify(last)})`,
    );
    return last!;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    hotline = await startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env));
    oversight = await startService(
      oversightService,
      isolatedOverrides(tag, 'oversight', { ...auth.env, MONTHLY_REPORT_CHECK_INTERVAL_MS: 0 }),
    );
    supervisor = await auth.bearer({ sub: 'roster-sup', roles: ['supervisor'] });
    province = await auth.bearer({ roles: ['supervisor'], region: '370000' });
  });

  afterAll(async () => {
    await oversight?.stop();
    await hotline?.stop();
  });

  it('answers covered minutes over the minutes of the period, following every roster change', async () => {
    // Day 1: 00:00-08:00 and 08:00-18:00 (back to back, 1080 min); day 2: a night shift from day 1 22:00 to 06:00
    // (120 min on day 1, 360 on day 2) and 12:00-24:00 (720).
    await shift('seat-01', 'agent-1', at('01', '00:00'), at('01', '08:00'));
    const day1 = await shift('seat-01', 'agent-2', at('01', '08:00'), at('01', '18:00'));
    await shift('seat-02', 'agent-3', at('01', '22:00'), at('02', '06:00'));
    await shift('seat-02', 'agent-4', at('02', '12:00'), at('03', '00:00'));
    // (1080 + 120 + 360 + 720) / (2 × 1440) = 2280 / 2880 = 79.17 %
    expect(await until('2027-04-01..2027-04-02', 79.17)).toMatchObject({
      numerator: 2280,
      denominator: 2880,
      measurable: true,
    });
    expect(await coverage('2027-04-01')).toMatchObject({ value: 83.33, numerator: 1200, denominator: 1440 });
    // April has 30 days: the days without a published roster count as uncovered.
    expect(await coverage('2027-04')).toMatchObject({ numerator: 2280, denominator: 30 * 1440 });
    // Province level only: the roster is one for Shandong.
    expect(await coverage('2027-04-01', '370100')).toMatchObject({ value: null, denominator: 0 });

    // Moving the day shift to end at 20:00 and removing the night shift republish the days they touch.
    await request(hotline.url)
      .patch(`/roster/shifts/${day1}`)
      .set('authorization', supervisor)
      .send({ endsAt: at('01', '20:00') })
      .expect(200);
    // Day 1: 00-08, 08-20 and 22-24 = 1320 / 1440.
    expect(await until('2027-04-01', 91.67)).toMatchObject({ numerator: 1320, denominator: 1440 });
    const night = await request(hotline.url)
      .get('/roster/shifts')
      .query({ from: at('01', '21:00'), to: at('02', '07:00') })
      .set('authorization', supervisor)
      .expect(200);
    await request(hotline.url)
      .delete(`/roster/shifts/${night.body.items[0].id as string}`)
      .set('authorization', supervisor)
      .expect(204);
    // Day 1: 1200 (00-20) ; day 2: 720 → 1920 / 2880 = 66.67 %
    expect(await until('2027-04-01..2027-04-02', 66.67)).toMatchObject({ numerator: 1920, denominator: 2880 });
    const series = await request(oversight.url)
      .get('/indicators/hotline-coverage/series')
      .query({ period: '2027-04-01..2027-04-02' })
      .set('authorization', province)
      .expect(200);
    expect(series.body.points).toEqual([
      { bucket: '2027-04-01', value: 83.33 },
      { bucket: '2027-04-02', value: 50 },
    ]);
  });

  it('keeps the newest computation of a day: a replayed or older event changes nothing', async () => {
    const facts = oversight.app.get(FactsService);
    const db = oversight.app.get(DataSource);
    await db.transaction((manager) =>
      facts.applyRosterCoverage(manager, {
        computedAt: '2020-01-01T00:00:00.000Z',
        days: [{ date: '2027-04-02', coveredMinutes: 1440, hourMinutes: Array<number>(24).fill(60) }],
      }),
    );
    expect(await coverage('2027-04-02')).toMatchObject({ value: 50, numerator: 720 });
    // A total that is not its hours' sum is refused (the consumer dead-letters it after its retries).
    await expect(
      db.transaction((manager) =>
        facts.applyRosterCoverage(manager, {
          computedAt: '2030-01-01T00:00:00.000Z',
          days: [{ date: '2027-04-02', coveredMinutes: 1440, hourMinutes: Array<number>(24).fill(0) }],
        }),
      ),
    ).rejects.toThrow(/is not its hours' 0/);
    expect(await coverage('2027-04-02')).toMatchObject({ value: 50, numerator: 720 });
  });
});
