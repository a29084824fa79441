import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import type { ChangedData } from '@legal/testing';
import {
  isolatedOverrides,
  TestAuthority,
  uniqueTag,
  waitUntil,
  WorkOrderScript,
  WorkOrderStreamFixture,
} from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { OversightEnv } from '../config/oversight.env';
import { oversightService } from '../oversight.definition';
import { OfferFact } from './offer-fact.entity';
import { tableOf } from './table-name';
import { WorkOrderFact } from './work-order-fact.entity';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-10T01:00:00.000Z');
const iso = (hours: number): string => new Date(T0 + hours * HOUR).toISOString();
const at = (view: ChangedData, hours: number): ChangedData => ({ ...view, entry: { ...view.entry, at: iso(hours) } });
const org = (id: string, handler: ChangedData['handler']): Partial<ChangedData> => ({
  organisationId: id,
  organisationName: `name of ${id}`,
  handler,
});

describe('offer facts from the lifecycle stream (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('ovo');
  let oversight: RunningService<OversightEnv>;
  let stream: WorkOrderStreamFixture;
  let db: DataSource;
  let province: string;
  const a = new WorkOrderScript({ citizen: {}, receivedAt: iso(0), regionCode: '370102001', serviceType: 'legal-aid' });
  const b = new WorkOrderScript({ citizen: {}, receivedAt: iso(0), regionCode: '371324101', serviceType: 'mediation' });
  const sent: ChangedData[] = [];

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    province = await auth.bearer({ roles: ['supervisor'], region: '370000' });
    oversight = await startService(
      oversightService,
      isolatedOverrides(tag, 'oversight', { ...auth.env, MONTHLY_REPORT_CHECK_INTERVAL_MS: 0 }),
    );
    stream = await WorkOrderStreamFixture.connect(tag);
    db = oversight.app.get(DataSource);
    const send = async (view: ChangedData): Promise<void> => {
      sent.push(view);
      await stream.changed(view);
    };
    // a: offered to A (rejected after 1 h), to B (expired after 2 h), to C (accepted 30 min later).
    await send(at(a.next('received'), 0));
    await send(at(a.next('offered', org('org-a', 'legal-aid'), 'offered'), 1));
    await send(at(a.next('offered', {}, 'offer-rejected'), 2));
    await send(at(a.next('offered', org('org-b', 'legal-aid'), 'offered'), 2));
    await send(at(a.next('offered', {}, 'offer-expired'), 4));
    await send(at(a.next('offered', org('org-c', 'legal-aid'), 'offered'), 4));
    await send(at(a.next('accepted', {}, 'offer-accepted'), 4.5));
    await send(at(a.next('in-progress', {}, 'progressed'), 6));
    // b: offered to D, reassigned by a supervisor to E before D answered (withdrawn), E's offer still open.
    await send(at(b.next('offered', org('org-d', 'mediation'), 'offered'), 1));
    await send(at(b.next('supervisor-queue', {}, 'sent-to-supervisor-queue', 'supervisor'), 3));
    await send(at(b.next('offered', org('org-e', 'mediation'), 'offered'), 5));
  });

  afterAll(async () => {
    await stream?.close();
    await oversight?.stop();
  });

  const rows = (): Promise<Record<string, unknown>[]> =>
    db.query(
      `SELECT work_order_id, attempt, organisation_id, handler, service_type, region_code, city_code, county_code,
         offered_at, decided_at, outcome FROM ${tableOf(db.manager, OfferFact)} ORDER BY work_order_id, offered_seq`,
    );
  const expected = (): Record<string, unknown>[] => {
    const row = (
      s: WorkOrderScript,
      attempt: number,
      organisation: string,
      offered: number,
      decided: number | null,
      outcome: string | null,
    ) => ({
      work_order_id: s.workOrderId,
      attempt,
      organisation_id: organisation,
      handler: s === a ? 'legal-aid' : 'mediation',
      service_type: s === a ? 'legal-aid' : 'mediation',
      region_code: s === a ? '370102001' : '371324101',
      city_code: s === a ? '370100' : '371300',
      county_code: s === a ? '370102' : '371324',
      offered_at: new Date(iso(offered)),
      decided_at: decided === null ? null : new Date(iso(decided)),
      outcome,
    });
    const ofA = [
      row(a, 1, 'org-a', 1, 2, 'rejected'),
      row(a, 2, 'org-b', 2, 4, 'expired'),
      row(a, 3, 'org-c', 4, 4.5, 'accepted'),
    ];
    const ofB = [row(b, 1, 'org-d', 1, 3, 'withdrawn'), row(b, 2, 'org-e', 5, null, null)];
    return a.workOrderId < b.workOrderId ? [...ofA, ...ofB] : [...ofB, ...ofA];
  };

  it('keeps one row per offer with its attempt, organisation, regions, times and outcome', async () => {
    await waitUntil(async () => JSON.stringify(await rows()) === JSON.stringify(expected()), 60_000, 'offer outcomes');
    expect(await rows()).toEqual(expected());
  });

  it('changes nothing when the stream is replayed, in order or backwards', async () => {
    for (const view of [...sent, ...[...sent].reverse()]) await stream.changed(view);
    // A marker view after the replay: once it is applied, every replayed view before it on the same key is too.
    const marker = at(b.next('offered', {}, 'deadline-extended'), 6);
    await stream.changed(marker);
    await waitUntil(
      async () =>
        (
          await db.query<{ version: number }[]>(
            `SELECT version FROM ${tableOf(db.manager, WorkOrderFact)} WHERE work_order_id = $1`,
            [b.workOrderId],
          )
        )[0]?.version === marker.version,
      60_000,
      'the marker view',
    );
    expect(await rows()).toEqual(expected());
  });

  const get = async (path: string, query: Record<string, string>): Promise<Record<string, unknown>> =>
    (await request(oversight.url).get(path).query(query).set('authorization', province).expect(200)).body as Record<
      string,
      unknown
    >;
  const offerFigures = async (region: string): Promise<Record<string, unknown>> => {
    const body = await get('/indicators', { period: '2026-11', region });
    const list = body.indicators as { code: string; value: number | null; numerator: number; denominator: number }[];
    return Object.fromEntries(
      list
        .filter((i) => i.code.includes('offer'))
        .map((i) => [i.code, { value: i.value, numerator: i.numerator, denominator: i.denominator }]),
    );
  };

  it('computes offer acceptance, the median minutes to acceptance and the expired share per region', async () => {
    // Province: 4 offers ended (rejected, expired, accepted, withdrawn), 3 answerable, 1 accepted after 30 min.
    expect(await offerFigures('370000')).toEqual({
      'offer-acceptance-rate': { value: 33.33, numerator: 1, denominator: 3 },
      'minutes-to-offer-acceptance': { value: 30, numerator: 30, denominator: 1 },
      'offer-expired-share': { value: 25, numerator: 1, denominator: 4 },
    });
    expect(await offerFigures('370100')).toEqual({
      'offer-acceptance-rate': { value: 33.33, numerator: 1, denominator: 3 },
      'minutes-to-offer-acceptance': { value: 30, numerator: 30, denominator: 1 },
      'offer-expired-share': { value: 33.33, numerator: 1, denominator: 3 },
    });
    // Lanling: one offer withdrawn by a supervisor, one still open: nothing answerable.
    expect(await offerFigures('371324')).toEqual({
      'offer-acceptance-rate': { value: null, numerator: 0, denominator: 0 },
      'minutes-to-offer-acceptance': { value: null, numerator: 0, denominator: 0 },
      'offer-expired-share': { value: 0, numerator: 0, denominator: 1 },
    });
    const ranking = await get('/indicators/offer-acceptance-rate/ranking', { period: '2026-11' });
    const rows = ranking.rows as { region: { code: string }; value: number | null }[];
    expect(rows.filter((r) => r.value !== null).map((r) => [r.region.code, r.value])).toEqual([['370100', 33.33]]);
  });

  it('ranks the organisations offered by acceptance, and drills down to the work orders behind it', async () => {
    const body = await get('/indicators/offer-acceptance-rate/organisations', { period: '2026-11' });
    const rows = body.rows as { organisation: { id: string; name: string | null }; value: number | null }[];
    const figures = rows.map((r) => [r.organisation.id, r.organisation.name, r.value]);
    expect(figures.slice(0, 3)).toEqual([
      ['org-c', 'name of org-c', 100],
      ['org-a', 'name of org-a', 0],
      ['org-b', 'name of org-b', 0],
    ]);
    // Offers not answered (withdrawn, open) give their organisations no value: last, in no particular order.
    expect(figures.slice(3).sort()).toEqual([
      ['org-d', 'name of org-d', null],
      ['org-e', 'name of org-e', null],
    ]);
    expect(await get('/indicators/offer-acceptance-rate/work-orders', { period: '2026-11' })).toMatchObject({
      total: 1,
      caseCodes: [a.caseCode],
    });
    expect(await get('/indicators/offer-expired-share/work-orders', { period: '2026-11' })).toMatchObject({
      total: 1,
      caseCodes: [a.caseCode],
    });
  });
});
