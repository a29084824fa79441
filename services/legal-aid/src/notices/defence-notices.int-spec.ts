import { DLQ_HEADERS, prefixedTopic, TOPICS } from '@legal/contracts';
import { createKafka, EventCollector } from '@legal/messaging';
import { addCalendarDaysLegal } from '@legal/domain';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Application } from '../applications/entities/application.entity';
import { ApplicationDeadline } from '../deadlines/entities/application-deadline.entity';
import { HardshipReview } from '../hardship/entities/hardship-review.entity';
import type { LegalAidEnv } from '../config/legal-aid.env';
import { legalAidService } from '../legal-aid.definition';
import { idCard, PartnerEventsFixture } from '../testing/partner-events.fixture';
import { DefenceNoticeRecord } from './entities/defence-notice.entity';

jest.setTimeout(90_000);

type Body = Record<string, unknown>;

describe('notified defence (通知辩护) from partner agencies (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('lanotice');
  let auth: TestAuthority;
  let service: RunningService<LegalAidEnv>;
  let partners: PartnerEventsFixture;
  let db: DataSource;
  let officer: string;
  let partner: string;

  const applicationOfNotice = (noticeId: string, state = 'appointed'): Promise<Application> =>
    waitUntil(
      async () => {
        const app = await db.getRepository(Application).findOne({ where: { noticeId } });
        return app?.state === state ? app : undefined;
      },
      30000,
      `notice ${noticeId} ${state}`,
    );

  /** What a notice wrote, without the fields that legitimately differ per notice or per channel. */
  const written = async (noticeId: string): Promise<Body> => {
    const notice = await db.getRepository(DefenceNoticeRecord).findOneOrFail({ where: { id: noticeId } });
    const app = await db.getRepository(Application).findOneOrFail({ where: { noticeId } });
    const review = await db.getRepository(HardshipReview).findOneOrFail({ where: { applicationId: app.id } });
    const clocks = await db.getRepository(ApplicationDeadline).find({ where: { applicationId: app.id } });
    return {
      notice: {
        agency: notice.agency,
        stage: notice.stage,
        charge: notice.charge,
        regionCode: notice.regionCode,
        minor: notice.suspectMinor,
        hasName: notice.suspect.nameSealed !== null,
        hasIdHash: notice.suspect.idCardHash !== null,
      },
      application: {
        kind: app.kind,
        state: app.state,
        decision: app.decision,
        decidedBy: app.decidedBy,
        expertiseTags: app.expertiseTags,
        regionCode: app.regionCode,
        workOrderId: app.workOrderId,
      },
      review: {
        computedResult: review.computedResult,
        exemptCategoryCode: review.exemptCategoryCode,
        reviewedBy: review.reviewedBy,
      },
      clocks: clocks.map((c) => [c.kind, c.days, c.rule]),
    };
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(
      legalAidService,
      isolatedOverrides(tag, 'legalaid', { ...auth.env, SWEEPER_INTERVAL_MS: 300 }),
    );
    db = service.app.get(DataSource);
    partners = await PartnerEventsFixture.connect(tag);
    officer = await auth.bearer({
      sub: 'officer-sun',
      roles: ['legal-aid-officer'],
      org: 'org-371302-legal-aid',
      region: '371302',
    });
    const lanshanCourt = {
      sub: 'court-371302',
      roles: ['partner' as const],
      clientId: 'court-371302',
      org: 'org-371302-court',
      region: '371302',
    };
    partner = await auth.bearer(lanshanCourt);
    partners.partnerToken = await auth.token(lanshanCourt);
    const admin = await auth.bearer({ sub: 'admin-1', roles: ['admin'] });
    await request(service.url)
      .post('/admin/lawyers')
      .set('authorization', admin)
      .send({
        name: '周强',
        lawFirm: '临沂刑辩律师事务所',
        expertiseTags: ['criminal-defence'],
        regionCode: '371302',
        capacity: 5,
      })
      .expect(201);
    await request(service.url)
      .post('/admin/lawyers')
      .set('authorization', admin)
      .send({
        name: '吴敏',
        lawFirm: '临沂家事律师事务所',
        expertiseTags: ['family'],
        regionCode: '371302',
        capacity: 5,
      })
      .expect(201);
  });

  afterAll(async () => {
    await partners?.close();
    await service?.stop();
  });

  it('appoints a criminal-defence lawyer for a notice event within the 3-day clock, and a redelivered notice has no second effect', async () => {
    const notice = partners.notice();
    const event = await partners.defenceNotice(notice);
    const app = await applicationOfNotice(notice.noticeId);
    const detail = await request(service.url).get(`/applications/${app.id}`).set('authorization', officer).expect(200);
    const due = addCalendarDaysLegal(new Date(notice.noticeReceivedAt), 3).dueAt.toISOString();
    expect(detail.body).toMatchObject({
      kind: 'notified-defence',
      workOrderId: null,
      decision: 'grant',
      state: 'appointed',
      appointment: { lawyerName: '周强', mode: 'automatic' },
    });
    expect(detail.body.deadlines).toEqual([
      expect.objectContaining({
        kind: 'lawyer-appointment',
        days: 3,
        dueAt: due,
        status: 'met',
        startedAt: notice.noticeReceivedAt,
      }),
    ]);
    expect(new Date(detail.body.appointedAt as string).getTime()).toBeLessThanOrEqual(new Date(due).getTime());
    expect(detail.body.hardshipReview).toMatchObject({
      computedResult: 'exempt',
      exemptCategoryCode: 'notified-defence',
    });
    expect(detail.body.appointment.explanation).toContain('expertise criminal-defence matches');
    expect((detail.body.history as { action: string }[]).map((h) => h.action)).toEqual([
      'registered',
      'decided',
      'lawyer-appointed',
    ]);

    await partners.send(TOPICS.partnerNotice.name, event); // redelivery: same event id
    await partners.defenceNotice(notice); // the partner sends the same notice again: new event id
    const marker = partners.notice();
    await partners.defenceNotice(marker, notice.noticeId); // same partition, so consumed after both
    await applicationOfNotice(marker.noticeId);
    expect(await db.getRepository(Application).countBy({ noticeId: notice.noticeId })).toBe(1);
    expect(await db.getRepository(DefenceNoticeRecord).countBy({ id: notice.noticeId })).toBe(1);
    const stillOne = await request(service.url)
      .get(`/applications/${app.id}`)
      .set('authorization', officer)
      .expect(200);
    expect((stillOne.body.history as unknown[]).length).toBe(3);
    // No work order, so nothing is reported on the handler topic.
    expect(
      partners.reports.events().filter((e) => e.subject === app.caseNumber || e.subject === notice.noticeId),
    ).toEqual([]);
  });

  it('records a notice sent through the partner API exactly as the event path does, and once', async () => {
    const viaEvent = partners.notice({
      suspect: { name: '钱七', idCardNumber: idCard('37130220010203456'), minor: true },
    });
    await partners.defenceNotice(viaEvent);
    await applicationOfNotice(viaEvent.noticeId);
    const viaRest = partners.notice({
      suspect: { name: '孙八', idCardNumber: idCard('37130220020304567'), minor: true },
    });
    const created = await request(service.url)
      .post('/defence-notices')
      .set('authorization', partner)
      .send(viaRest)
      .expect(201);
    expect(created.body).toMatchObject({
      noticeId: viaRest.noticeId,
      state: 'granted',
      created: true,
      appointmentDueAt: addCalendarDaysLegal(new Date(viaRest.noticeReceivedAt), 3).dueAt.toISOString(),
    });
    await applicationOfNotice(viaRest.noticeId);
    expect(await written(viaRest.noticeId)).toEqual(await written(viaEvent.noticeId));
    expect((await written(viaRest.noticeId)).application).toMatchObject({
      expertiseTags: ['criminal-defence', 'juvenile'],
    });
    const record = await db.getRepository(DefenceNoticeRecord).findOneOrFail({ where: { id: viaRest.noticeId } });
    expect(record).toMatchObject({ channel: 'rest', submittedBy: 'court-371302' });

    const repeated = await request(service.url)
      .post('/defence-notices')
      .set('authorization', partner)
      .send(viaRest)
      .expect(200);
    expect(repeated.body).toMatchObject({ applicationId: created.body.applicationId, created: false });
    expect(await db.getRepository(Application).countBy({ noticeId: viaRest.noticeId })).toBe(1);
  });

  it('validates partner notices (400 naming each field, nothing written) and refuses other roles (403)', async () => {
    const bad = partners.notice({
      regionCode: '110101',
      stage: 'appeal' as 'trial',
      suspect: { name: '', idCardNumber: '371302199001011230' },
    });
    const res = await request(service.url)
      .post('/defence-notices')
      .set('authorization', partner)
      .send({ ...bad, extra: 1 })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'extra',
      'regionCode',
      'stage',
      'suspect.idCardNumber',
      'suspect.name',
    ]);
    expect(await db.getRepository(DefenceNoticeRecord).countBy({ id: bad.noticeId })).toBe(0);
    await request(service.url)
      .post('/defence-notices')
      .set('authorization', officer)
      .send(partners.notice())
      .expect(403);
    await request(service.url).post('/defence-notices').send(partners.notice()).expect(401);
    await request(service.url).get('/applications').set('authorization', partner).expect(403);
  });
  describe('bound to the partner’s agency and area (issue 13: any partner could file for any agency and region)', () => {
    let deadLetters: EventCollector;
    const dlq = (): string => `${prefixedTopic(tag, TOPICS.partnerNotice.name)}.dlq`;
    const noApplication = async (noticeId: string): Promise<void> => {
      expect(await db.getRepository(Application).countBy({ noticeId })).toBe(0);
      expect(await db.getRepository(DefenceNoticeRecord).countBy({ id: noticeId })).toBe(0);
    };

    beforeAll(async () => {
      deadLetters = await EventCollector.start(
        createKafka({ brokers: ['127.0.0.1:9092'], clientId: `dlq-${tag}`, topicPrefix: tag, partitions: 3 }),
        [dlq()],
      );
    });
    afterAll(async () => deadLetters?.stop());

    it('REST: 403 problem+json naming organisationId for another agency, regionCode outside the area, both for an unbound client; nothing written', async () => {
      const otherAgency = partners.notice({ organisationId: 'org-370102-court' });
      const res = await request(service.url)
        .post('/defence-notices')
        .set('authorization', partner)
        .send(otherAgency)
        .expect(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'notice-outside-partner-binding', status: 403 });
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['organisationId']);
      await noApplication(otherAgency.noticeId);

      const { organisationId: _own, ...withoutAgency } = partners.notice({
        regionCode: '370102',
        agencyName: '济南市历下区人民法院',
      });
      const outside = await request(service.url)
        .post('/defence-notices')
        .set('authorization', partner)
        .send(withoutAgency)
        .expect(403);
      expect(outside.body.errors as { field: string; codes: string[] }[]).toEqual([
        expect.objectContaining({ field: 'regionCode', codes: ['outsidePartnerArea'] }),
      ]);
      await noApplication(withoutAgency.noticeId);

      const unbound = await auth.bearer({ sub: 'court-unbound', roles: ['partner'], clientId: 'court-unbound' });
      const notice = partners.notice();
      const refused = await request(service.url)
        .post('/defence-notices')
        .set('authorization', unbound)
        .send(notice)
        .expect(403);
      expect((refused.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
        'organisationId',
        'regionCode',
      ]);
      await noApplication(notice.noticeId);

      // The agency defaults to the client's own; a city court may file for a county below it.
      const city = await auth.bearer({
        sub: 'court-371300',
        roles: ['partner'],
        clientId: 'court-371300',
        org: 'org-371300-court',
        region: '371300',
      });
      const { organisationId: _none, ...defaulted } = partners.notice({ regionCode: '371302' });
      await request(service.url).post('/defence-notices').set('authorization', city).send(defaulted).expect(201);
      expect(
        await db.getRepository(DefenceNoticeRecord).findOneOrFail({ where: { id: defaulted.noticeId } }),
      ).toMatchObject({ submittedBy: 'court-371300', regionCode: '371302' });
    });

    it('events: a notice for another agency or area, with a forged or a staff token, creates nothing and is dead-lettered with the reason', async () => {
      const elsewhere = partners.notice({ organisationId: 'org-370102-court', regionCode: '370102' });
      const stranger = await TestAuthority.create();
      const forgedToken = await stranger.token({
        sub: 'court-371302',
        roles: ['partner'],
        clientId: 'court-371302',
        org: 'org-371302-court',
        region: '371302',
      });
      const forged = partners.notice();
      const staffToken = await auth.token({
        sub: 'officer-sun',
        roles: ['legal-aid-officer'],
        org: 'org-371302-court',
        region: '371302',
      });
      const byStaff = partners.notice();
      const sent = [
        await partners.defenceNotice(elsewhere),
        await partners.defenceNotice(forged, forged.noticeId, forgedToken),
        await partners.defenceNotice(byStaff, byStaff.noticeId, staffToken),
      ];
      const letters = await deadLetters.waitFor((r) => sent.some((e) => e.id === r.headers.ce_id), 3, 60000);
      const reasonOf = (eventId: string): string =>
        letters.find((l) => l.headers.ce_id === eventId)?.headers[DLQ_HEADERS.error] ?? '';
      for (const letter of letters) expect(letter.headers[DLQ_HEADERS.reason]).toBe('handler-failed');
      expect(reasonOf(sent[0]!.id)).toMatch(
        /organisationId: partner client court-371302 files for org-371302-court only.*regionCode: region 370102 lies outside/,
      );
      expect(reasonOf(sent[1]!.id)).toContain('partnerToken is not a valid access token');
      expect(reasonOf(sent[2]!.id)).toContain('not a partner client token');
      for (const n of [elsewhere, forged, byStaff]) await noApplication(n.noticeId);
      // The token travels sealed for legal-aid, in the dead letter too.
      for (const token of [partners.partnerToken as string, forgedToken, staffToken])
        expect(letters.map((l) => l.value ?? '').join()).not.toContain(token);
    });
  });
});
