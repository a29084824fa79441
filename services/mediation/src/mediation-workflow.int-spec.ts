import { OfferAccepted, OfferRejected, Progressed, Resolved } from '@legal/contracts';
import { addCalendarDaysLegal } from '@legal/domain';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag, waitUntil } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { MediationEnv } from './config/mediation.env';
import { mediationService } from './mediation.definition';
import { DispatchData, OfferExpirySweeper, WorkOrderRouterFixture } from '@legal/handler-kit';

const inAWeek = (): string => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

jest.setTimeout(60_000);

describe('mediation workflow (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('medwf');
  let auth: TestAuthority;
  let service: RunningService<MediationEnv>;
  let router: WorkOrderRouterFixture;
  let db: DataSource;
  let schema: string;
  let mediator: string;

  const offerVisible = (offer: DispatchData): Promise<Record<string, unknown>> =>
    waitUntil(
      async () => {
        const res = await request(service.url).get(`/offers/${offer.offerId}`).set('authorization', mediator);
        return res.status === 200 ? (res.body as Record<string, unknown>) : undefined;
      },
      30000,
      `offer ${offer.offerId} recorded`,
    );

  const dispatchAndAccept = async (
    overrides: Partial<DispatchData> = {},
    body: Record<string, unknown> = {},
  ): Promise<{ offer: DispatchData; caseBody: Record<string, unknown> }> => {
    const offer = router.offer(overrides);
    await router.dispatch(offer);
    await offerVisible(offer);
    const res = await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', mediator)
      .send(body)
      .expect(201);
    return { offer, caseBody: res.body as Record<string, unknown> };
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    service = await startService(mediationService, isolatedOverrides(tag, 'mediation', auth.env));
    db = service.app.get(DataSource);
    schema = service.env.DB_SCHEMA;
    router = await WorkOrderRouterFixture.connect(tag);
    mediator = await auth.bearer({
      sub: 'mediator-wang',
      roles: ['mediator'],
      org: 'org-371324101-mediation',
      region: '371324',
    });
  });

  afterAll(async () => {
    await router?.close();
    await service?.stop();
  });

  it('takes a village dispute to agreement: OfferAccepted, Progressed with the 30-day term, sessions, Resolved(agreement-reached)', async () => {
    const { offer, caseBody } = await dispatchAndAccept({
      regionCode: '371324101201',
      description: '邻居家院墙漏水，多次协商未果',
    });
    expect(caseBody).toMatchObject({
      status: 'assigned',
      committeeRegionCode: '371324101201',
      committeeName: '兰陵县大仲村镇大仲村人民调解委员会',
      disputeCategory: 'neighbour',
      categorySource: 'keywords',
      categoryKeywords: ['漏水', '邻居', '院墙'],
      mediatorName: '王秀英',
      applicant: { name: '张三', phone: '13812345678' },
    });
    expect(caseBody.committeeReason).toContain('own village 371324101201');
    expect(caseBody.mediatorReason).toContain('specialist in neighbour');
    const caseId = caseBody.id as string;
    const expectedDue = addCalendarDaysLegal(new Date(caseBody.acceptedAt as string), 30).dueAt.toISOString();
    expect((caseBody.term as { dueAt: string }).dueAt).toBe(expectedDue);

    const session = await request(service.url)
      .post(`/cases/${caseId}/sessions`)
      .set('authorization', mediator)
      .send({
        scheduledAt: inAWeek(),
        place: '大仲村村委会调解室',
        parties: [
          { name: '张三', role: 'applicant' },
          { name: '李四', role: 'respondent' },
        ],
      })
      .expect(201);
    expect(session.body).toMatchObject({ sequence: 1, status: 'scheduled' });
    await request(service.url)
      .post(`/cases/${caseId}/sessions/${session.body.id}/held`)
      .set('authorization', mediator)
      .send({
        attendees: [
          { name: '张三', role: 'applicant' },
          { name: '李四', role: 'respondent' },
        ],
        minutes: '双方同意由李四修缮院墙并赔偿损失',
      })
      .expect(200);
    const agreed = await request(service.url)
      .post(`/cases/${caseId}/agreement`)
      .set('authorization', mediator)
      .send({
        agreementText: '经调解，双方自愿达成如下协议：李四负责修缮院墙并赔偿张三损失。',
        terms: [
          { description: '李四于2026年12月31日前修缮院墙', dueDate: '2026-12-31' },
          { description: '李四赔偿张三2000元' },
        ],
      })
      .expect(200);
    expect(agreed.body).toMatchObject({
      status: 'agreement-reached',
      outcome: 'agreement-reached',
      term: { status: 'met' },
    });

    const [resolved] = await router.waitForReports(offer.workOrderId, Resolved.type);
    expect(resolved?.data).toMatchObject({
      handler: 'mediation',
      handlerCaseId: caseId,
      outcome: 'agreement-reached',
      actorId: 'mediator-wang',
      details: { mediationOutcome: 'agreement-reached' },
    });
    const reports = router.reportsFor(offer.workOrderId);
    expect(reports.map((e) => [e.type, (e.data as { step?: string }).step])).toEqual([
      [OfferAccepted.type, undefined],
      [Progressed.type, 'committee-assigned'],
      [Progressed.type, 'session-scheduled'],
      [Progressed.type, 'session-held'],
      [Resolved.type, undefined],
    ]);
    expect(reports[0]?.data).toMatchObject({ offerId: offer.offerId, handlerCaseId: caseId });
    expect((reports[1]?.data as { deadlines: unknown[] }).deadlines).toEqual([
      {
        kind: 'mediation-term',
        dueAt: expectedDue,
        rule: 'calendar-days',
        explanation: expect.stringContaining('30 calendar days'),
        status: 'running',
      },
    ]);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const referred = await request(service.url)
      .post(`/cases/${caseId}/judicial-confirmation`)
      .set('authorization', mediator)
      .send({ court: '兰陵县人民法院', requestedOn: today })
      .expect(200);
    expect(referred.body.judicialConfirmation).toEqual({
      court: '兰陵县人民法院',
      requestedOn: today,
      result: 'pending',
    });
    await router.waitForReports(offer.workOrderId, Progressed.type, 4);
    await request(service.url)
      .post(`/cases/${caseId}/judicial-confirmation`)
      .set('authorization', mediator)
      .send({ court: '兰陵县人民法院', requestedOn: today })
      .expect(409);
    const decided = await request(service.url)
      .post(`/cases/${caseId}/judicial-confirmation/result`)
      .set('authorization', mediator)
      .send({ result: 'confirmed', decidedOn: today, note: '(2026)鲁1324民特12号' })
      .expect(200);
    expect(decided.body.judicialConfirmation).toMatchObject({ result: 'confirmed', decidedOn: today });
    const progress = await router.waitForReports(offer.workOrderId, Progressed.type, 5);
    const confirmation = progress.find((e) => (e.data as { step?: string }).step === 'judicial-confirmation-decided');
    expect(confirmation?.data).toMatchObject({ details: { judicialConfirmation: 'confirmed' } });

    const history = await request(service.url)
      .get(`/cases/${caseId}/history`)
      .set('authorization', mediator)
      .expect(200);
    expect(history.body.items.map((h: { step: string }) => h.step)).toEqual([
      'offer-accepted',
      'committee-assigned',
      'session-scheduled',
      'session-held',
      'agreement-reached',
      'judicial-confirmation-requested',
      'judicial-confirmation-decided',
    ]);

    // Illegal steps on the closed case.
    const late = await request(service.url)
      .post(`/cases/${caseId}/sessions`)
      .set('authorization', mediator)
      .send({
        scheduledAt: inAWeek(),
        place: '调解室',
        parties: [
          { name: '张三', role: 'applicant' },
          { name: '李四', role: 'respondent' },
        ],
      })
      .expect(409);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(late.body).toMatchObject({ status: 409, code: 'case-closed' });
    await request(service.url)
      .post(`/cases/${caseId}/withdrawal`)
      .set('authorization', mediator)
      .send({ reason: '申请人撤回' })
      .expect(409);
    await request(service.url)
      .post(`/cases/${caseId}/term-extension`)
      .set('authorization', mediator)
      .send({ days: 5, reason: '当事人外出' })
      .expect(409);
  });

  it('falls back to the township committee when the village has none, and records why', async () => {
    const { offer, caseBody } = await dispatchAndAccept({
      regionCode: '371324101204',
      description: '在工地干了半年活，包工头拖欠工资三万元',
    });
    expect(caseBody).toMatchObject({
      committeeRegionCode: '371324101',
      committeeName: '兰陵县大仲村镇人民调解委员会',
      disputeCategory: 'labour',
      mediatorName: '李志强',
    });
    expect(caseBody.committeeReason).toBe(
      'fallback to the township committee 兰陵县大仲村镇人民调解委员会 (371324101): the village 371324101204 has no committee',
    );
    const [progress] = await router.waitForReports(offer.workOrderId, Progressed.type);
    expect((progress?.data as { detail: string }).detail).toContain('fallback to the township committee');
  });

  it('assigns to a committee an admin registers, and refuses a second committee for the same village', async () => {
    const admin = await auth.bearer({ roles: ['admin'] });
    const created = await request(service.url)
      .post('/committees')
      .set('authorization', admin)
      .send({ regionCode: '371324101205', name: '兰陵县大仲村镇小吴宅村人民调解委员会' })
      .expect(201);
    expect(created.body).toMatchObject({ level: 'village', active: true });
    await request(service.url)
      .post('/committees')
      .set('authorization', admin)
      .send({ regionCode: '371324101205', name: '重复的委员会' })
      .expect(409);
    await request(service.url)
      .post(`/committees/${created.body.id}/mediators`)
      .set('authorization', admin)
      .send({ name: '吴桂芳', specialties: ['family'], maxOpenCases: 3 })
      .expect(201);
    const { caseBody } = await dispatchAndAccept({
      regionCode: '371324101205',
      description: '父母年迈，子女之间因赡养问题发生纠纷',
    });
    expect(caseBody).toMatchObject({ committeeId: created.body.id, mediatorName: '吴桂芳', disputeCategory: 'family' });
    const mediators = await request(service.url)
      .get(`/committees/${created.body.id}/mediators`)
      .set('authorization', admin)
      .expect(200);
    expect(mediators.body.items).toEqual([expect.objectContaining({ name: '吴桂芳', openCases: 1, maxOpenCases: 3 })]);
    const explicit = await dispatchAndAccept(
      { regionCode: '371324101205', description: '一般纠纷' },
      { disputeCategory: 'consumer' },
    );
    expect(explicit.caseBody).toMatchObject({
      disputeCategory: 'consumer',
      categorySource: 'explicit',
      mediatorName: '吴桂芳',
    });
    expect(explicit.caseBody.mediatorReason).toContain('no free specialist in consumer');
  });

  it('gives a redelivered or repeated offer no second effect', async () => {
    const offer = router.offer({ description: '邻里之间因排水问题发生纠纷' });
    const first = await router.dispatch(offer);
    await router.send(first);
    await router.dispatch(offer); // the router repeating the same offer under a new event id
    await offerVisible(offer);
    await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', mediator)
      .send({})
      .expect(201);
    await router.send(first);
    // A later offer on the same work order (same partition) is a barrier: once it is in, the copies before it were handled.
    const barrier = router.offer({ workOrderId: offer.workOrderId });
    await router.dispatch(barrier);
    await offerVisible(barrier);
    const [counts] = (await db.query(
      `SELECT (SELECT count(*) FROM "${schema}".offer WHERE id = $1)::int AS offers,
              (SELECT count(*) FROM "${schema}".mediation_case WHERE offer_id = $1)::int AS cases,
              (SELECT status FROM "${schema}".offer WHERE id = $1) AS status`,
      [offer.offerId],
    )) as { offers: number; cases: number; status: string }[];
    expect(counts).toEqual({ offers: 1, cases: 1, status: 'accepted' });
    await request(service.url)
      .post(`/offers/${offer.offerId}/accept`)
      .set('authorization', mediator)
      .send({})
      .expect(409);
    await router.waitForReports(offer.workOrderId, Progressed.type);
    expect(router.reportsFor(offer.workOrderId).filter((e) => e.type === OfferAccepted.type)).toHaveLength(1);
  });

  it('refuses to accept a withdrawn or expired offer (409), rejects with a coded reason, and ignores offers for other handlers', async () => {
    const withdrawn = router.offer();
    await router.dispatch(withdrawn);
    await router.withdraw(withdrawn, 'reassigned');
    await waitUntil(async () => (await offerVisible(withdrawn)).status === 'withdrawn', 30000, 'offer withdrawn');
    const refused = await request(service.url)
      .post(`/offers/${withdrawn.offerId}/accept`)
      .set('authorization', mediator)
      .send({})
      .expect(409);
    expect(refused.body.code).toBe('offer-withdrawn');

    const expired = router.offer({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    await router.dispatch(expired);
    await offerVisible(expired);
    expect(
      (
        await request(service.url)
          .post(`/offers/${expired.offerId}/accept`)
          .set('authorization', mediator)
          .send({})
          .expect(409)
      ).body.code,
    ).toBe('offer-expired');
    const open = router.offer();
    await router.dispatch(open);
    await offerVisible(open);
    expect(await service.app.get(OfferExpirySweeper).sweep()).toBeGreaterThanOrEqual(1);
    expect((await offerVisible(expired)).status).toBe('expired');
    expect((await offerVisible(open)).status).toBe('open');

    const rejected = router.offer();
    await router.dispatch(rejected);
    await offerVisible(rejected);
    await request(service.url)
      .post(`/offers/${rejected.offerId}/reject`)
      .set('authorization', mediator)
      .send({ reasonCode: 'conflict-of-interest', reason: '调解员与当事人系近亲属' })
      .expect(200);
    const [report] = await router.waitForReports(rejected.workOrderId, OfferRejected.type);
    expect(report?.data).toMatchObject({
      offerId: rejected.offerId,
      handler: 'mediation',
      reasonCode: 'conflict-of-interest',
      reason: '调解员与当事人系近亲属',
    });
    await request(service.url)
      .post(`/offers/${rejected.offerId}/accept`)
      .set('authorization', mediator)
      .send({})
      .expect(409);

    const notOurs = router.offer({ handler: 'notarization', serviceType: 'notarization' });
    await router.dispatch(notOurs);
    const barrier = router.offer({ workOrderId: notOurs.workOrderId });
    await router.dispatch(barrier);
    await offerVisible(barrier);
    await request(service.url).get(`/offers/${notOurs.offerId}`).set('authorization', mediator).expect(404);
  });

  it('answers bad input with 400 naming each field and writes nothing; wrong role 403; other jurisdiction 403', async () => {
    const { caseBody } = await dispatchAndAccept({ description: '邻居噪音扰民' });
    const caseId = caseBody.id as string;
    const bad = await request(service.url)
      .post(`/cases/${caseId}/sessions`)
      .set('authorization', mediator)
      .send({ scheduledAt: 'next tuesday', parties: [{ name: '', role: 'judge' }], extra: true })
      .expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining(['scheduledAt', 'place', 'parties', 'parties[0].name', 'parties[0].role', 'extra']),
    );
    const past = await request(service.url)
      .post(`/cases/${caseId}/sessions`)
      .set('authorization', mediator)
      .send({
        scheduledAt: new Date(Date.now() - 3600_000).toISOString(),
        place: '调解室',
        parties: [
          { name: '张三', role: 'applicant' },
          { name: '李四', role: 'respondent' },
        ],
      })
      .expect(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'scheduledAt' })]);
    await request(service.url)
      .post(`/cases/${caseId}/term-extension`)
      .set('authorization', mediator)
      .send({ days: 0 })
      .expect(400);
    await request(service.url).post('/offers/not-a-uuid/accept').set('authorization', mediator).send({}).expect(400);
    const [{ sessions }] = (await db.query(
      `SELECT count(*)::int AS sessions FROM "${schema}".mediation_session WHERE case_id = $1`,
      [caseId],
    )) as { sessions: number }[];
    expect(sessions).toBe(0);
    // An agreement needs a held session first.
    await request(service.url)
      .post(`/cases/${caseId}/agreement`)
      .set('authorization', mediator)
      .send({ agreementText: '双方达成协议，互不追究。', terms: [{ description: '互不追究' }] })
      .expect(409);

    const notary = await auth.bearer({ roles: ['notary'], region: '371324' });
    await request(service.url).get(`/cases/${caseId}`).set('authorization', notary).expect(403);
    await request(service.url)
      .post(`/cases/${caseId}/withdrawal`)
      .set('authorization', await auth.bearer({ roles: ['citizen'], phone: '13812345678' }))
      .send({ reason: '不想调了' })
      .expect(403);
    await request(service.url)
      .post('/committees')
      .set('authorization', mediator)
      .send({ regionCode: '371324101206', name: '某村人民调解委员会' })
      .expect(403);
    const jinan = await auth.bearer({ roles: ['mediator'], region: '370102' });
    expect((await request(service.url).get(`/cases/${caseId}`).set('authorization', jinan).expect(403)).body.code).toBe(
      'out-of-jurisdiction',
    );
    const list = await request(service.url).get('/cases').set('authorization', jinan).expect(200);
    expect(list.body.total).toBe(0);

    const extended = await request(service.url)
      .post(`/cases/${caseId}/term-extension`)
      .set('authorization', mediator)
      .send({ days: 10, reason: '当事人外出务工，双方同意延期' })
      .expect(200);
    expect(extended.body.term.dueAt).toBe(
      addCalendarDaysLegal(new Date(caseBody.acceptedAt as string), 40).dueAt.toISOString(),
    );
    expect(extended.body.term.extensions).toEqual([
      expect.objectContaining({ days: 10, reason: '当事人外出务工，双方同意延期' }),
    ]);
  });
});
