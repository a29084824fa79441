import { OfferAccepted, Progressed, TOPICS } from '@legal/contracts';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import { Appointment } from '../appointments/entities/appointment.entity';
import type { LegalAidEnv } from '../config/legal-aid.env';
import { Lawyer } from '../lawyers/entities/lawyer.entity';
import { legalAidService } from '../legal-aid.definition';
import { Offer } from '@legal/handler-kit';
import { PartnerEventsFixture } from '../testing/partner-events.fixture';

jest.setTimeout(120_000);

const step = (e: { data: unknown }): string | undefined => (e.data as { step?: string }).step;

describe('legal-aid restarted in the middle of a workflow (same schema and topics), then run as two instances', () => {
  const tag = uniqueTag('larestart');
  let auth: TestAuthority;
  let partners: PartnerEventsFixture;
  let service: RunningService<LegalAidEnv> | undefined;
  let second: RunningService<LegalAidEnv> | undefined;
  let officer: string;

  const start = async (extra: Record<string, unknown>): Promise<RunningService<LegalAidEnv>> =>
    startService(
      legalAidService,
      isolatedOverrides(tag, 'legalaid', { ...auth.env, AUTO_ACCEPT_OFFERS: true, SWEEPER_INTERVAL_MS: 300, ...extra }),
    );

  beforeAll(async () => {
    auth = await TestAuthority.create();
    officer = await auth.bearer({ sub: 'officer-ma', roles: ['legal-aid-officer'], region: '371300' });
  });

  afterAll(async () => {
    await partners?.close();
    await Promise.all([service?.stop(), second?.stop()]);
  });

  it('continues after a restart without losing or repeating a step, with two instances sweeping at once', async () => {
    // First life: accepts, reviews and grants, but does not appoint (automatic appointment off).
    service = await start({ AUTO_APPOINT_LAWYERS: false });
    partners = await PartnerEventsFixture.connect(tag); // after the service created the run's topics
    partners.partnerToken = await auth.token({
      sub: 'court-371300',
      roles: ['partner'],
      clientId: 'court-371300',
      org: 'org-371302-court',
      region: '371300',
    });
    const admin = await auth.bearer({ roles: ['admin'] });
    const lawyer = await request(service.url)
      .post('/admin/lawyers')
      .set('authorization', admin)
      .send({
        name: '冯涛',
        lawFirm: '临沂法援律师事务所',
        expertiseTags: ['labour', 'criminal-defence'],
        regionCode: '371324',
        capacity: 4,
      })
      .expect(201);
    const offer = partners.offer();
    const offerEvent = await partners.dispatch(offer);
    await partners.waitForReports(offer.workOrderId, OfferAccepted.type);
    const { applicationId } = (
      await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', officer).expect(200)
    ).body as { applicationId: string };
    await request(service.url)
      .post(`/applications/${applicationId}/hardship-review`)
      .set('authorization', officer)
      .send({ exemptCategoryCode: 'migrant-worker-injury', integrityCommitment: false })
      .expect(201);
    await request(service.url)
      .post(`/applications/${applicationId}/decision`)
      .set('authorization', officer)
      .send({ decision: 'grant', reason: '工伤赔偿，免予经济困难审查' })
      .expect(200);
    const notice = partners.notice({ regionCode: '371324' });
    const noticeEvent = await partners.defenceNotice(notice);
    const db1 = service.app.get(DataSource);
    await waitUntil(
      async () =>
        (await db1.getRepository(Application).findOne({ where: { noticeId: notice.noticeId } }))?.state === 'granted',
      30000,
      'notice recorded',
    );
    await service.stop();
    service = undefined;

    // While it is down the broker redelivers both events (same ids).
    await partners.send(TOPICS.workOrderDispatch.name, offerEvent);
    await partners.send(TOPICS.partnerNotice.name, noticeEvent);

    // Second life, same schema and topics, two instances at once: their sweepers pick the granted applications up.
    [service, second] = await Promise.all([
      start({ AUTO_APPOINT_LAWYERS: true }),
      start({ AUTO_APPOINT_LAWYERS: true }),
    ]);
    const db = service.app.get(DataSource);
    await partners.waitForReports(offer.workOrderId, Progressed.type, 1, 'lawyer-appointed');
    await waitUntil(
      async () =>
        (await db.getRepository(Application).findOne({ where: { noticeId: notice.noticeId } }))?.state === 'appointed',
      30000,
      'notice appointed',
    );
    // Behind the redelivered offer on its partition: once this marker is recorded, the redelivery was consumed.
    const marker = partners.offer({ workOrderId: offer.workOrderId });
    await partners.dispatch(marker);
    await waitUntil(
      async () => (await db.getRepository(Offer).countBy({ workOrderId: offer.workOrderId })) === 2,
      30000,
      'marker offer',
    );
    const markerNotice = partners.notice({ regionCode: '371324' });
    await partners.defenceNotice(markerNotice, notice.noticeId);
    await waitUntil(
      async () =>
        (await db.getRepository(Application).findOne({ where: { noticeId: markerNotice.noticeId } }))?.state ===
        'appointed',
      30000,
      'marker notice appointed',
    );

    expect(await db.getRepository(Application).countBy({ workOrderId: offer.workOrderId })).toBe(2); // the marker offer was accepted too
    expect(await db.getRepository(Application).countBy({ offerId: offer.offerId })).toBe(1);
    expect(await db.getRepository(Application).countBy({ noticeId: notice.noticeId })).toBe(1);
    const original = await db.getRepository(Application).findOneOrFail({ where: { offerId: offer.offerId } });
    expect(original).toMatchObject({ state: 'appointed', lawyerId: lawyer.body.id, decision: 'grant' });
    expect(await db.getRepository(Appointment).countBy({ applicationId: original.id })).toBe(1);
    const original2 = partners
      .reportsFor(offer.workOrderId)
      .filter((e) => (e.data as { handlerCaseId?: string }).handlerCaseId === original.caseNumber);
    expect(original2.map((e) => [e.type, step(e)])).toEqual([
      [OfferAccepted.type, undefined],
      [Progressed.type, 'application-registered'],
      [Progressed.type, 'hardship-reviewed'],
      [Progressed.type, 'aid-granted'],
      [Progressed.type, 'lawyer-appointed'],
    ]);
    // Open appointments: the work order, the notice, the marker notice (the marker offer is not granted yet).
    const load = await db.getRepository(Lawyer).findOneByOrFail({ id: lawyer.body.id as string });
    expect(load.currentLoad).toBe(await db.getRepository(Appointment).countBy({ lawyerId: load.id }));
    expect(load.currentLoad).toBe(3);
  });
});
