import { InfoReceived, NeedsInfo, OfferAccepted, OfferRejected, Progressed, TOPICS } from '@legal/contracts';
import type { Deadline } from '@legal/contracts';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import type { LegalAidEnv } from '../config/legal-aid.env';
import { legalAidService } from '../legal-aid.definition';
import { PartnerEventsFixture } from '../testing/partner-events.fixture';
import { DispatchedData, Offer } from '@legal/handler-kit';

jest.setTimeout(90_000);

type Body = Record<string, unknown>;
const step = (e: { data: unknown }): string | undefined => (e.data as { step?: string }).step;

describe('legal-aid offers handled by staff (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('laoffer');
  let auth: TestAuthority;
  let service: RunningService<LegalAidEnv>;
  let partners: PartnerEventsFixture;
  let db: DataSource;
  let officer: string;

  const offerRecorded = (offer: DispatchedData, status = 'open'): Promise<Body> =>
    waitUntil(
      async () => {
        const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', officer);
        return res.status === 200 && res.body.status === status ? (res.body as Body) : undefined;
      },
      30000,
      `offer ${offer.offerId} ${status}`,
    );

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(
      legalAidService,
      isolatedOverrides(tag, 'legalaid', { ...auth.env, AUTO_ACCEPT_OFFERS: false, SWEEPER_INTERVAL_MS: 300 }),
    );
    db = service.app.get(DataSource);
    partners = await PartnerEventsFixture.connect(tag);
    officer = await auth.bearer({
      sub: 'officer-chen',
      roles: ['legal-aid-officer'],
      org: 'org-371324-legal-aid',
      region: '371324',
    });
    const admin = await auth.bearer({ sub: 'admin-1', roles: ['admin'] });
    await request(service.url)
      .post('/admin/lawyers')
      .set('authorization', admin)
      .send({
        name: '孙丽',
        lawFirm: '兰陵正义律师事务所',
        expertiseTags: ['labour'],
        regionCode: '371324',
        capacity: 2,
      })
      .expect(201);
  });

  afterAll(async () => {
    await partners?.close();
    await service?.stop();
  });

  it('records an offer once however often it is delivered, and accepts it once', async () => {
    const offer = partners.offer();
    const event = await partners.dispatch(offer);
    await offerRecorded(offer);
    await partners.send(TOPICS.workOrderDispatch.name, event);
    await partners.dispatch(offer); // the same offer again under a new event id
    const accepted = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', officer)
      .expect(201);
    expect(accepted.body).toMatchObject({
      state: 'received',
      workOrderId: offer.workOrderId,
      caseCode: offer.caseCode,
    });
    const again = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', officer)
      .expect(409);
    expect(again.body).toMatchObject({ code: 'offer-already-accepted', status: 409 });
    await partners.send(TOPICS.workOrderDispatch.name, event);
    await partners.waitForReports(offer.workOrderId, Progressed.type, 1, 'application-registered');
    // A later offer event behind the redeliveries has been consumed once they all have.
    const marker = partners.offer();
    await partners.dispatch({ ...marker, workOrderId: offer.workOrderId });
    await offerRecorded({ ...marker, workOrderId: offer.workOrderId });
    expect(await db.getRepository(Offer).countBy({ workOrderId: offer.workOrderId })).toBe(2);
    expect(await db.getRepository(Application).countBy({ workOrderId: offer.workOrderId })).toBe(1);
    expect(partners.reportsFor(offer.workOrderId).filter((e) => e.type === OfferAccepted.type)).toHaveLength(1);
  });

  it('rejects with a coded reason, and refuses withdrawn and expired offers with 409', async () => {
    const rejected = partners.offer();
    await partners.dispatch(rejected);
    await offerRecorded(rejected);
    const bad = await request(service.url)
      .post(`/offers/${rejected.offerId}/reject`)
      .set('authorization', officer)
      .send({ reasonCode: 'too-busy', reason: '' })
      .expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['reason', 'reasonCode']);
    await request(service.url)
      .post(`/offers/${rejected.offerId}/reject`)
      .set('authorization', officer)
      .send({ reasonCode: 'conflict-of-interest', reason: '本中心律师曾代理对方当事人' })
      .expect(200);
    const [report] = await partners.waitForReports(rejected.workOrderId, OfferRejected.type);
    expect(report?.data).toMatchObject({
      reasonCode: 'conflict-of-interest',
      reason: '本中心律师曾代理对方当事人',
      actorId: 'officer-chen',
    });

    const withdrawn = partners.offer();
    await partners.dispatch(withdrawn);
    await offerRecorded(withdrawn);
    await partners.withdraw(withdrawn, 'reassigned');
    await offerRecorded(withdrawn, 'withdrawn');
    const refused = await request(service.url)
      .post(`/offers/${withdrawn.offerId}/accept`)
      .set('authorization', officer)
      .expect(409);
    expect(refused.body.code).toBe('offer-withdrawn');

    const lapsed = partners.offer({ expiresAt: new Date(Date.now() + 1500).toISOString() });
    await partners.dispatch(lapsed);
    await offerRecorded(lapsed);
    await offerRecorded(lapsed, 'expired');
    expect(
      (await request(service.url).post(`/offers/${lapsed.offerId}/accept`).set('authorization', officer).expect(409))
        .body.code,
    ).toBe('offer-expired');
  });

  it('keeps an accepted application when the router withdraws the offer afterwards, and says why on the offer', async () => {
    const offer = partners.offer();
    await partners.dispatch(offer);
    await offerRecorded(offer);
    await request(service.url).post(`/offers/${offer.offerId}/accept`).set('authorization', officer).expect(201);
    await partners.withdraw(offer, 'reassigned');
    const noted = await waitUntil(
      async () => {
        const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', officer);
        return res.status === 200 && res.body.outcomeReason ? (res.body as Body) : undefined;
      },
      30000,
      'withdrawal noted on the accepted offer',
    );
    expect(noted).toMatchObject({
      status: 'accepted',
      outcomeReason: 'withdrawn by the router after acceptance: reassigned',
    });
  });

  it('ignores offers made to other handlers', async () => {
    const other = partners.offer({ handler: 'mediation' });
    await partners.dispatch(other);
    const marker = partners.offer({ workOrderId: other.workOrderId });
    await partners.dispatch(marker);
    await offerRecorded(marker);
    await request(service.url).get(`/offers/${other.offerId}`).set('authorization', officer).expect(404);
  });

  it('pauses the decision clock while materials are missing (NeedsInfo) and moves it on InfoReceived', async () => {
    const offer = partners.offer();
    await partners.dispatch(offer);
    await offerRecorded(offer);
    const accepted = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', officer)
      .expect(201);
    const id = accepted.body.id as string;
    const before = (accepted.body.deadlines as { dueAt: string }[])[0]?.dueAt;
    await request(service.url)
      .post(`/applications/${id}/needs-info`)
      .set('authorization', officer)
      .send({
        items: [
          { code: 'labour-contract', label: '劳动合同或用工证明' },
          { code: 'wage-evidence', label: '欠薪证据' },
        ],
        notice: '请一次性补齐：劳动合同或用工证明、欠薪证据',
      })
      .expect(200);
    const [needs] = await partners.waitForReports(offer.workOrderId, NeedsInfo.type);
    expect(needs?.data).toMatchObject({
      pausesClock: true,
      missingItems: [{ code: 'labour-contract' }, { code: 'wage-evidence' }],
    });
    const paused = await request(service.url).get(`/applications/${id}`).set('authorization', officer).expect(200);
    expect(paused.body).toMatchObject({
      state: 'awaiting-materials',
      deadlines: [{ kind: 'legal-aid-decision', status: 'paused' }],
    });
    await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'deny', reason: '材料不全' })
      .expect(409);
    await request(service.url)
      .post(`/applications/${id}/info-received`)
      .set('authorization', officer)
      .send({ items: ['labour-contract', 'wage-evidence'] })
      .expect(200);
    await partners.waitForReports(offer.workOrderId, InfoReceived.type);
    const [resumed] = await partners.waitForReports(offer.workOrderId, Progressed.type, 1, 'decision-clock-resumed');
    const clock = (resumed?.data as { deadlines: Deadline[] }).deadlines[0];
    expect(clock).toMatchObject({ kind: 'legal-aid-decision', status: 'running' });
    expect(new Date(clock?.dueAt ?? 0).getTime()).toBeGreaterThanOrEqual(new Date(before ?? 0).getTime());
    const after = await request(service.url).get(`/applications/${id}`).set('authorization', officer).expect(200);
    expect(after.body.state).toBe('received');
  });

  it('provides an urgent case first (lawyer at once), then reviews and grants it', async () => {
    const offer = partners.offer({
      legalDeadlineAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
      description: '劳动仲裁时效三天后届满，拖欠工资',
    });
    await partners.dispatch(offer);
    await offerRecorded(offer);
    const accepted = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', officer)
      .expect(201);
    expect(accepted.body.urgent).toBe(true);
    const id = accepted.body.id as string;
    const [appointed] = await partners.waitForReports(offer.workOrderId, Progressed.type, 1, 'lawyer-appointed');
    expect((appointed?.data as { detail: string }).detail).toContain('先行提供');
    const provided = await request(service.url).get(`/applications/${id}`).set('authorization', officer).expect(200);
    expect(provided.body).toMatchObject({
      state: 'provided-first',
      providedFirst: true,
      decision: null,
      appointment: { providedFirst: true, mode: 'automatic' },
    });
    await request(service.url)
      .post(`/applications/${id}/hardship-review`)
      .set('authorization', officer)
      .send({ exemptCategoryCode: 'migrant-worker-wages', integrityCommitment: true })
      .expect(201);
    await request(service.url)
      .post(`/applications/${id}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '先行提供后审查：符合条件' })
      .expect(200);
    const done = await request(service.url).get(`/applications/${id}`).set('authorization', officer).expect(200);
    expect(done.body).toMatchObject({ state: 'appointed', decision: 'grant', providedFirst: true });
    await partners.waitForReports(offer.workOrderId, Progressed.type, 1, 'aid-granted');
    expect(partners.reportsFor(offer.workOrderId).map((e) => [e.type, step(e)])).toEqual([
      [OfferAccepted.type, undefined],
      [Progressed.type, 'application-registered'],
      [Progressed.type, 'lawyer-appointed'],
      [Progressed.type, 'hardship-reviewed'],
      [Progressed.type, 'aid-granted'],
    ]);
  });
});
