import { prefixedTopic, ReferralAccepted, ReferralRejected, ReferralRequested, TOPICS } from '@legal/contracts';
import { EventCollector } from '@legal/messaging';
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
import { DataSource } from 'typeorm';
import { centreService } from '../centre.definition';
import type { CentreEnv } from '../config/centre.env';
import { ReferralChainService } from './referral-chain.service';
import { ReferralSweeper } from './referral-sweeper.service';

const BROKERS = ['127.0.0.1:9092'];
const DAY = 24 * 3600 * 1000;

// The integration project's testTimeout is not applied per project by Jest; start-up on a busy machine can exceed 5 s.
jest.setTimeout(120_000);

describe('centre referrals (转介) (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('cref');
  let auth: TestAuthority;
  let centre: RunningService<CentreEnv>;
  let stream: WorkOrderStreamFixture;
  let referrals: EventCollector;
  let station: string;
  let mediation: string;
  let countyCentre: string;
  let outsider: string;

  const token = (sub: string, org: string, region: string): Promise<string> =>
    auth.bearer({ sub, roles: ['centre-clerk'], org, region });
  const inReadModel = async (caseCode: string, bearer: string): Promise<void> => {
    await waitUntil(
      async () =>
        (await request(centre.url).get(`/work-orders/${caseCode}`).set('authorization', bearer)).status === 200,
      60000,
      `work order ${caseCode}`,
    );
  };
  const eventsOf = (workOrderId: string): { type: string; data: Record<string, unknown> }[] =>
    referrals.events().filter((e) => (e.data as { workOrderId?: string }).workOrderId === workOrderId) as {
      type: string;
      data: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    auth = await TestAuthority.create();
    centre = await startService(
      centreService,
      isolatedOverrides(tag, 'centre', { ...auth.env, REFERRAL_SWEEP_INTERVAL_MS: 0 }),
    );
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    referrals = await EventCollector.start(BROKERS, [prefixedTopic(tag, TOPICS.referral.name)]);
    station = await token('clerk-station', 'org-371324101-station', '371324101');
    mediation = await token('clerk-med', 'org-371324-mediation', '371324');
    countyCentre = await token('clerk-county', 'org-371324-centre', '371324');
    outsider = await token('clerk-far', 'org-371302-centre', '371302');
  });

  afterAll(async () => {
    await referrals?.stop();
    await stream?.close();
    await centre?.stop();
  });

  it('sends a rejected referral to the coordinating level (the county centre), keeping the chain on the referral stream', async () => {
    const script = new WorkOrderScript({
      citizen: { phoneLast4: '1234' },
      serviceType: 'mediation',
      regionCode: '371324101',
    });
    await stream.changed(script.next('received'));
    await inReadModel(script.caseCode, station);

    const raised = await request(centre.url)
      .post('/referrals')
      .set('authorization', station)
      .send({ caseCode: script.caseCode, toOrganisationId: 'org-371324-mediation', reason: '邻里纠纷，需县调委会调解' })
      .expect(201);
    expect(raised.body).toMatchObject({
      status: 'pending',
      fromOrganisationId: 'org-371324101-station',
      toRegionCode: '371324',
      coordinatingOrganisationId: 'org-371324-centre',
    });
    expect(Date.parse(raised.body.respondBy)).toBeGreaterThan(Date.now() + 2 * DAY);
    await request(centre.url)
      .post('/referrals')
      .set('authorization', station)
      .send({ caseCode: script.caseCode, toOrganisationId: 'org-371324-legal-aid', reason: 'again' })
      .expect(409);

    await request(centre.url)
      .post(`/referrals/${raised.body.id}/reject`)
      .set('authorization', countyCentre)
      .send({ reason: 'not mine' })
      .expect(403);
    await request(centre.url)
      .post(`/referrals/${raised.body.id}/reject`)
      .set('authorization', mediation)
      .send({})
      .expect(400);
    const rejected = await request(centre.url)
      .post(`/referrals/${raised.body.id}/reject`)
      .set('authorization', mediation)
      .send({ reason: '不属于本单位受理范围' })
      .expect(200);
    expect(rejected.body.rejected).toMatchObject({
      status: 'rejected',
      answerReason: '不属于本单位受理范围',
      answeredBy: 'clerk-med',
      escalatedToId: rejected.body.escalated.id,
    });
    expect(rejected.body.escalated).toMatchObject({
      status: 'pending',
      toOrganisationId: 'org-371324-centre',
      escalatedFromId: raised.body.id,
      coordinatingOrganisationId: 'org-371300-centre',
    });
    await request(centre.url).post(`/referrals/${raised.body.id}/accept`).set('authorization', mediation).expect(409);

    const incoming = await request(centre.url)
      .get('/referrals')
      .query({ direction: 'incoming', status: 'pending' })
      .set('authorization', countyCentre)
      .expect(200);
    expect(incoming.body.items.map((r: { id: string }) => r.id)).toContain(rejected.body.escalated.id);
    await request(centre.url)
      .post(`/referrals/${rejected.body.escalated.id}/accept`)
      .set('authorization', countyCentre)
      .expect(200);

    const chain = await request(centre.url)
      .get('/referrals')
      .query({ caseCode: script.caseCode })
      .set('authorization', countyCentre)
      .expect(200);
    expect(
      chain.body.items.map((r: { toOrganisationId: string; status: string }) => [r.toOrganisationId, r.status]),
    ).toEqual([
      ['org-371324-mediation', 'rejected'],
      ['org-371324-centre', 'accepted'],
    ]);

    await waitUntil(() => eventsOf(script.workOrderId).length >= 4, 60000, 'four referral events');
    const events = eventsOf(script.workOrderId);
    expect(events.map((e) => e.type)).toEqual([
      ReferralRequested.type,
      ReferralRejected.type,
      ReferralRequested.type,
      ReferralAccepted.type,
    ]);
    expect(events[1]?.data).toMatchObject({
      referralId: raised.body.id,
      reason: '不属于本单位受理范围',
      escalatedToOrganisationId: 'org-371324-centre',
      actorId: 'clerk-med',
    });
    expect(events[2]?.data).toMatchObject({
      referralId: rejected.body.escalated.id,
      toOrganisationId: 'org-371324-centre',
      fromOrganisationId: 'org-371324101-station',
    });
  });

  it('escalates a referral nobody answered in time, once, even when two sweeps run at the same moment', async () => {
    const script = new WorkOrderScript({
      citizen: { phoneLast4: '4321' },
      serviceType: 'legal-aid',
      regionCode: '371324',
    });
    await stream.changed(script.next('received'));
    await inReadModel(script.caseCode, countyCentre);
    const raised = await request(centre.url)
      .post('/referrals')
      .set('authorization', mediation)
      .send({ caseCode: script.caseCode, toOrganisationId: 'org-371324-centre', reason: '需中心统筹' })
      .expect(201);
    const sweeper = centre.app.get(ReferralSweeper);
    // A second sweeper on the same database plays a second instance of the service.
    const otherInstance = new ReferralSweeper(
      centre.app.get(DataSource),
      centre.app.get(ReferralChainService),
      centre.env,
    );
    expect(await sweeper.sweepOnce(new Date())).toBe(0);
    const later = new Date(Date.now() + 30 * DAY);
    const [a, b] = await Promise.all([sweeper.sweepOnce(later), otherInstance.sweepOnce(later)]);
    expect(a + b).toBe(1);
    const chain = await request(centre.url)
      .get('/referrals')
      .query({ caseCode: script.caseCode })
      .set('authorization', countyCentre)
      .expect(200);
    expect(
      chain.body.items.map((r: { toOrganisationId: string; status: string }) => [r.toOrganisationId, r.status]),
    ).toEqual([
      ['org-371324-centre', 'expired'],
      ['org-371300-centre', 'pending'],
    ]);
    await waitUntil(
      () => eventsOf(script.workOrderId).some((e) => e.type === ReferralRejected.type),
      60000,
      'the lapse on the stream',
    );
    expect(eventsOf(script.workOrderId).find((e) => e.type === ReferralRejected.type)?.data).toMatchObject({
      referralId: raised.body.id,
      escalatedToOrganisationId: 'org-371300-centre',
      reason: expect.stringContaining('no answer by'),
    });
  });

  it('refuses a referral of a case outside the clerk’s jurisdiction with 403', async () => {
    const script = new WorkOrderScript({ citizen: { phoneLast4: '5555' }, regionCode: '371324101' });
    await stream.changed(script.next('received'));
    await inReadModel(script.caseCode, countyCentre);
    const res = await request(centre.url)
      .post('/referrals')
      .set('authorization', outsider)
      .send({ caseCode: script.caseCode, toOrganisationId: 'org-371302-mediation', reason: 'x' })
      .expect(403);
    expect(res.body.code).toBe('out-of-jurisdiction');
    await request(centre.url)
      .get('/referrals')
      .query({ caseCode: script.caseCode })
      .set('authorization', outsider)
      .expect(403);
  });
});
