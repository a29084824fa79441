import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import {
  isolatedOverrides,
  TestAuthority,
  uniqueTag,
  waitUntil,
  WorkOrderScript,
  WorkOrderStreamFixture,
} from '@legal/testing';
import request from 'supertest';
import { centreService } from '../centre.definition';
import type { CentreEnv } from '../config/centre.env';

const BROKERS = ['127.0.0.1:9092'];

// The integration project's testTimeout is not applied per project by Jest; start-up on a busy machine can exceed 5 s.
jest.setTimeout(120_000);

describe('centre view of work orders by jurisdiction (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('cwo');
  let auth: TestAuthority;
  let centre: RunningService<CentreEnv>;
  let stream: WorkOrderStreamFixture;
  const village = new WorkOrderScript({
    citizen: { phoneLast4: '1111', displayName: '赵*' },
    regionCode: '371324101201',
    serviceType: 'mediation',
  });
  const township = new WorkOrderScript({
    citizen: { phoneLast4: '2222' },
    regionCode: '371324101',
    serviceType: 'legal-aid',
  });
  const elsewhere = new WorkOrderScript({
    citizen: { phoneLast4: '3333' },
    regionCode: '371302001',
    serviceType: 'legal-aid',
  });
  const assignedFromElsewhere = new WorkOrderScript({
    citizen: { phoneLast4: '4444' },
    regionCode: '371302002',
    serviceType: 'notarization',
  });

  beforeAll(async () => {
    auth = await TestAuthority.create();
    centre = await startService(
      centreService,
      isolatedOverrides(tag, 'centre', { ...auth.env, REFERRAL_SWEEP_INTERVAL_MS: 0 }),
    );
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    await stream.changed(village.next('received'));
    await stream.changed(village.next('accepted', { organisationId: 'org-371324101201-room' }));
    await stream.changed(township.next('received'));
    await stream.changed(elsewhere.next('received'));
    await stream.changed(assignedFromElsewhere.next('offered', { organisationId: 'org-371324-centre' }));
    const admin = await auth.bearer({ roles: ['admin'] });
    await waitUntil(
      async () =>
        (await request(centre.url).get('/work-orders').set('authorization', admin)).body.total === 4 || undefined,
      60000,
      'four work orders in the read model',
    );
    await waitUntil(
      async () =>
        (await request(centre.url).get(`/work-orders/${village.caseCode}`).set('authorization', admin)).body.version ===
          2 || undefined,
      60000,
      'version 2',
    );
  });

  afterAll(async () => {
    await stream?.close();
    await centre?.stop();
  });

  it('shows a county centre the work orders of its county and everything below it, plus those assigned to it', async () => {
    const county = await auth.bearer({ roles: ['centre-clerk'], org: 'org-371324-centre', region: '371324' });
    const res = await request(centre.url).get('/work-orders').set('authorization', county).expect(200);
    expect(res.body.total).toBe(3);
    expect((res.body.items as { caseCode: string }[]).map((w) => w.caseCode).sort()).toEqual(
      [village.caseCode, township.caseCode, assignedFromElsewhere.caseCode].sort(),
    );
    const narrowed = await request(centre.url)
      .get('/work-orders')
      .query({ regionCode: '371324101', status: 'accepted' })
      .set('authorization', county)
      .expect(200);
    expect(narrowed.body).toMatchObject({
      total: 1,
      items: [{ caseCode: village.caseCode, status: 'accepted', citizen: { phoneLast4: '1111', displayName: '赵*' } }],
    });
    await request(centre.url)
      .get(`/work-orders/${assignedFromElsewhere.caseCode}`)
      .set('authorization', county)
      .expect(200);
  });

  it('shows a township station only its township', async () => {
    const stationClerk = await auth.bearer({
      roles: ['centre-clerk'],
      org: 'org-371324101-station',
      region: '371324101',
    });
    const res = await request(centre.url).get('/work-orders').set('authorization', stationClerk).expect(200);
    expect((res.body.items as { caseCode: string }[]).map((w) => w.caseCode).sort()).toEqual(
      [village.caseCode, township.caseCode].sort(),
    );
  });

  it('answers 403 for a region or a case outside the clerk’s jurisdiction', async () => {
    const stationClerk = await auth.bearer({
      roles: ['centre-clerk'],
      org: 'org-371324101-station',
      region: '371324101',
    });
    const region = await request(centre.url)
      .get('/work-orders')
      .query({ regionCode: '371324' })
      .set('authorization', stationClerk)
      .expect(403);
    expect(region.body.code).toBe('out-of-jurisdiction');
    await request(centre.url).get(`/work-orders/${elsewhere.caseCode}`).set('authorization', stationClerk).expect(403);
    const noRegion = await auth.bearer({ roles: ['centre-clerk'], org: 'org-x' });
    await request(centre.url).get('/work-orders').set('authorization', noRegion).expect(403);
    await request(centre.url).get('/work-orders/not-a-code').set('authorization', stationClerk).expect(400);
  });
});
