import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { HotlineEnv } from '../config/hotline.env';
import { hotlineService } from '../hotline.definition';

const at = (day: string, hhmm: string): string => `2027-03-${day}T${hhmm}:00+08:00`;
const iso = (day: string, hhmm: string): string => new Date(at(day, hhmm)).toISOString();

// The integration project's testTimeout is not applied per project by Jest; start-up on a busy machine can exceed 5 s.
jest.setTimeout(120_000);

describe('hotline duty roster (real PostgreSQL)', () => {
  const tag = uniqueTag('hroster');
  let auth: TestAuthority;
  let hotline: RunningService<HotlineEnv>;
  let supervisor: string;
  let agent: string;

  const shift = async (
    seat: string,
    agentId: string,
    from: string,
    to: string,
    extra: Record<string, unknown> = {},
  ): Promise<request.Response> =>
    request(hotline.url)
      .post('/roster/shifts')
      .set('authorization', supervisor)
      .send({ seat, agentId, startsAt: from, endsAt: to, languages: ['zh'], ...extra });

  beforeAll(async () => {
    auth = await TestAuthority.create();
    hotline = await startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env));
    supervisor = await auth.bearer({ sub: 'sup-1', roles: ['supervisor'] });
    agent = await auth.bearer({ sub: 'agent-1', roles: ['hotline-agent'] });
    // Day 1: 00-08 and 08-16 staffed, 16-20 nobody, 20-24 one seat; day 2: 00-12 staffed, the rest empty.
    expect((await shift('seat-01', 'agent-1', at('01', '00:00'), at('01', '08:00'))).status).toBe(201);
    expect(
      (await shift('seat-01', 'agent-2', at('01', '08:00'), at('01', '16:00'), { languages: ['zh', 'en'] })).status,
    ).toBe(201);
    expect(
      (
        await shift('seat-09', 'expert-1', at('01', '09:00'), at('01', '12:00'), {
          expertSeat: true,
          expertise: ['legal-aid'],
        })
      ).status,
    ).toBe(201);
    expect((await shift('seat-02', 'agent-3', at('01', '20:00'), at('02', '12:00'))).status).toBe(201);
  });

  afterAll(async () => {
    await hotline?.stop();
  });

  it('reports every gap in 7x24 coverage within the window', async () => {
    const res = await request(hotline.url)
      .get('/roster/coverage')
      .query({ from: at('01', '00:00'), to: at('03', '00:00') })
      .set('authorization', agent)
      .expect(200);
    expect(res.body).toMatchObject({ fullyCovered: false, minSeats: 1 });
    expect(res.body.gaps).toEqual([
      { start: iso('01', '16:00'), end: iso('01', '20:00'), minutes: 240, staffedSeats: 0 },
      { start: iso('02', '12:00'), end: iso('03', '00:00'), minutes: 720, staffedSeats: 0 },
    ]);
    expect(res.body.coveragePercent).toBeCloseTo(((48 - 16) / 48) * 100, 1);
  });

  it('reports coverage per language and finds no gap once the hole is filled', async () => {
    const english = await request(hotline.url)
      .get('/roster/coverage')
      .query({ from: at('01', '08:00'), to: at('01', '16:00'), language: 'en' })
      .set('authorization', agent)
      .expect(200);
    expect(english.body.fullyCovered).toBe(true);
    expect((await shift('seat-03', 'agent-4', at('01', '16:00'), at('01', '20:00'))).status).toBe(201);
    const day1 = await request(hotline.url)
      .get('/roster/coverage')
      .query({ from: at('01', '00:00'), to: at('02', '00:00') })
      .set('authorization', agent)
      .expect(200);
    expect(day1.body).toMatchObject({ fullyCovered: true, gaps: [], coveragePercent: 100 });
  });

  it('answers who is on duty at an instant, e.g. out of hours', async () => {
    const night = await request(hotline.url)
      .get('/roster/on-duty')
      .query({ at: at('01', '23:30') })
      .set('authorization', agent)
      .expect(200);
    expect(night.body).toMatchObject({ covered: true, shifts: [{ seat: 'seat-02', agentId: 'agent-3' }] });
    const experts = await request(hotline.url)
      .get('/roster/on-duty')
      .query({ at: at('01', '10:00'), expertSeat: 'true' })
      .set('authorization', agent)
      .expect(200);
    expect(experts.body.shifts).toEqual([expect.objectContaining({ agentId: 'expert-1', expertise: ['legal-aid'] })]);
    const nobody = await request(hotline.url)
      .get('/roster/on-duty')
      .query({ at: at('02', '13:00') })
      .set('authorization', agent)
      .expect(200);
    expect(nobody.body).toMatchObject({ covered: false, shifts: [] });
  });

  it('refuses to double-book a seat or an agent (409) and bad periods (400), writing nothing', async () => {
    const db = hotline.app.get(DataSource);
    const count = async (): Promise<number> =>
      ((await db.query(`SELECT count(*)::int AS n FROM "${hotline.env.DB_SCHEMA}".roster_shift`)) as { n: number }[])[0]
        ?.n ?? -1;
    const before = await count();
    const seatClash = await shift('seat-01', 'agent-9', at('01', '07:00'), at('01', '09:00'));
    expect(seatClash.status).toBe(409);
    expect(seatClash.body.code).toBe('roster-shift-overlap');
    expect((await shift('seat-07', 'agent-1', at('01', '07:00'), at('01', '09:00'))).status).toBe(409);
    const backwards = await shift('seat-07', 'agent-9', at('05', '10:00'), at('05', '09:00'));
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endsAt' })]);
    const junk = await request(hotline.url)
      .post('/roster/shifts')
      .set('authorization', supervisor)
      .send({ seat: 'seat 7!', startsAt: 'tomorrow', languages: [] })
      .expect(400);
    expect((junk.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'agentId',
      'endsAt',
      'languages',
      'seat',
      'startsAt',
    ]);
    expect(await count()).toBe(before);
    await request(hotline.url).post('/roster/shifts').set('authorization', agent).send({}).expect(403);
  });

  it("publishes the coverage of the days a roster change touched in the change's transaction, minutes only", async () => {
    const db = hotline.app.get(DataSource);
    type Coverage = { computedAt: string; days: { date: string; coveredMinutes: number; hourMinutes: number[] }[] };
    const published = async (): Promise<Coverage[]> =>
      (
        (await db.query(
          `SELECT payload FROM "${hotline.env.DB_SCHEMA}".outbox_message WHERE event_type = $1 ORDER BY id`,
          ['legal.feedback.roster-coverage-changed.v1'],
        )) as { payload: Coverage }[]
      ).map((r) => r.payload);
    const before = await published();
    // The night shift 20:00 (day 1) - 12:00 (day 2) touched both days; day 2 is covered 00:00-12:00 only.
    const night = before.find((p) => p.days.some((d) => d.date === '2027-03-02'));
    expect(night?.days.find((d) => d.date === '2027-03-02')).toEqual({
      date: '2027-03-02',
      coveredMinutes: 720,
      hourMinutes: [...Array(12).fill(60), ...Array(12).fill(0)],
    });
    // After the 16-20 hole was filled, day 1 is covered all day.
    expect(before.filter((p) => p.days.some((d) => d.date === '2027-03-01')).at(-1)?.days).toContainEqual({
      date: '2027-03-01',
      coveredMinutes: 1440,
      hourMinutes: Array(24).fill(60),
    });
    expect(JSON.stringify(before)).not.toMatch(/agent-|seat-|expert-/);

    const created = await shift('seat-05', 'agent-5', at('05', '10:00'), at('05', '11:00'));
    expect(created.status).toBe(201);
    await request(hotline.url)
      .patch(`/roster/shifts/${created.body.id as string}`)
      .set('authorization', supervisor)
      .send({ startsAt: at('06', '10:00'), endsAt: at('06', '12:00') })
      .expect(200);
    await request(hotline.url)
      .delete(`/roster/shifts/${created.body.id as string}`)
      .set('authorization', supervisor)
      .expect(204);
    const after = (await published()).slice(before.length);
    expect(after.map((p) => p.days.map((d) => [d.date, d.coveredMinutes]))).toEqual([
      [['2027-03-05', 60]],
      [
        ['2027-03-05', 0],
        ['2027-03-06', 120],
      ],
      [['2027-03-06', 0]],
    ]);
    // A refused change publishes nothing.
    expect((await shift('seat-05', 'agent-1', at('01', '07:00'), at('01', '09:00'))).status).toBe(409);
    expect(await published()).toHaveLength(before.length + 3);
  });
});
