import { IntakeSubmitted, prefixedTopic, TOPICS } from '@legal/contracts';
import { idCardCheckCharacter } from '@legal/domain';
import { waitForEvent } from '@legal/messaging';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { accessCodeHash, IntakeSubmissionService, LINKED_NOTE } from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import {
  isolatedOverrides,
  TestAuthority,
  testCaseCode,
  uniqueTag,
  waitUntil,
  WorkOrderScript,
  WorkOrderStreamFixture,
} from '@legal/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { PortalEnv } from '../config/portal.env';
import { portalService } from '../portal.definition';

const BROKERS = ['127.0.0.1:9092'];
const ID_CARD = `37132419900307123${idCardCheckCharacter('37132419900307123')}`;
const WRONG_ID_CARD = `37132419900307123${idCardCheckCharacter('37132419900307123') === '1' ? '2' : '1'}`;

function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceType: 'legal-aid',
    regionCode: '371324101',
    description: '在工地干了半年活，老板拖欠工资三万元不给',
    contact: { name: '张三', phone: '138 1234 5678', idCardNumber: ID_CARD },
    attachments: [{ name: '欠条.jpg', mediaType: 'image/jpeg', sizeBytes: 120000 }],
    vulnerableGroup: true,
    ...overrides,
  };
}

jest.setTimeout(120_000);

describe('portal submissions (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('psub');
  let auth: TestAuthority;
  let portal: RunningService<PortalEnv>;
  let stream: WorkOrderStreamFixture;
  let db: DataSource;
  let schema: string;

  const counts = async (): Promise<{ submissions: number; intakes: number; outbox: number }> => {
    const [row] = (await db.query(
      `SELECT (SELECT count(*) FROM "${schema}".portal_submission)::int AS submissions,
              (SELECT count(*) FROM "${schema}".platform_intake)::int AS intakes,
              (SELECT count(*) FROM "${schema}".outbox_message)::int AS outbox`,
    )) as { submissions: number; intakes: number; outbox: number }[];
    if (!row) throw new Error('no counts');
    return row;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    portal = await startService(portalService, isolatedOverrides(tag, 'portal', auth.env));
    db = portal.app.get(DataSource);
    schema = portal.env.DB_SCHEMA;
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
  });

  afterAll(async () => {
    await stream?.close();
    await portal?.stop();
  });

  it('answers at once with the intake id and the access code, and publishes IntakeSubmitted with the citizen’s account, normalised contact and the code’s keyed hash only', async () => {
    const citizen = await auth.bearer({ sub: 'citizen-42', roles: ['citizen'], phone: '13812345678' });
    const res = await request(portal.url)
      .post('/portal/requests')
      .set('authorization', citizen)
      .send(validBody())
      .expect(202);
    expect(res.body).toEqual({
      intakeId: expect.any(String),
      submissionId: expect.any(String),
      status: 'submitted',
      statusUrl: `/portal/requests/${res.body.intakeId}/status`,
      accessCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/),
    });
    const event = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.intakeSubmitted.name),
      (e) => (e.data as { intakeId?: string }).intakeId === res.body.intakeId,
      30000,
    );
    expect(event.type).toBe(IntakeSubmitted.type);
    expect(event.subject).toBe(res.body.intakeId);
    expect(event.data).toMatchObject({
      platform: 'portal',
      platformRecordId: res.body.submissionId,
      serviceType: 'legal-aid',
      regionCode: '371324101',
      applicant: { name: '张三', phone: '13812345678', idCardNumber: ID_CARD },
      citizenUserId: 'citizen-42',
      citizenPhoneVerified: true,
      accessCodeHash: accessCodeHash(portal.app.get(PiiProtector), res.body.accessCode),
      submittedBy: { userId: 'citizen-42', role: 'citizen' },
      attachments: [{ name: '欠条.jpg', mediaType: 'image/jpeg', sizeBytes: 120000 }],
    });
    const status = await request(portal.url).get(res.body.statusUrl).expect(200);
    expect(status.body).toMatchObject({ intakeId: res.body.intakeId, status: 'submitted' });
    expect(status.body.accessCode).toBeUndefined(); // shown once, in the POST answer
    expect(JSON.stringify(event.data)).not.toContain(res.body.accessCode);
    const [row] = (await db.query(`SELECT * FROM "${schema}".portal_submission WHERE intake_id = $1`, [
      res.body.intakeId,
    ])) as Record<string, unknown>[];
    expect(JSON.stringify(row)).not.toContain(res.body.accessCode.replace('-', ''));
    const [stored] = (await db.query(
      `SELECT phone_enc, phone_hash, id_card_enc, description FROM "${schema}".portal_submission WHERE intake_id = $1`,
      [res.body.intakeId],
    )) as Record<string, string>[];
    expect(stored?.phone_enc).not.toContain('13812345678');
    expect(stored?.id_card_enc).not.toContain(ID_CARD);
    expect(stored?.phone_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the case code of the work order a submission created, but never the existing case a duplicate was linked to, nor anyone’s possibly related codes', async () => {
    const first = await request(portal.url).post('/portal/requests').send(validBody()).expect(202);
    // Anyone can type the same phone number: the submitter of the duplicate must not learn the case.
    const second = await request(portal.url)
      .post('/portal/requests')
      .send(validBody({ description: '同一件事，再问一次', regionCode: '370102', contact: { phone: '13812345678' } }))
      .expect(202);
    const caseCode = testCaseCode();
    const workOrderId = randomUUID();
    const otherPeoples = [testCaseCode(), testCaseCode()];
    await stream.registered({
      intakeId: first.body.intakeId,
      platform: 'portal',
      workOrderId,
      caseCode,
      outcome: 'created',
      possiblyRelatedCaseCodes: otherPeoples,
    });
    await stream.registered({
      intakeId: second.body.intakeId,
      platform: 'portal',
      workOrderId,
      caseCode,
      outcome: 'linked-to-existing',
      possiblyRelatedCaseCodes: otherPeoples,
    });
    await stream.changed(
      new WorkOrderScript({ workOrderId, caseCode, citizen: { phoneLast4: '5678' } }).next('received'),
    );
    const a = await waitUntil(
      async () => {
        const r = await request(portal.url).get(`/portal/requests/${first.body.intakeId}/status`);
        return r.body.status === 'registered' && r.body.workOrder ? r.body : undefined;
      },
      30000,
      'first intake registered',
    );
    expect(a).toMatchObject({ caseCode, workOrderId, status: 'registered', workOrder: { caseCode } });
    expect(a.possiblyRelatedCaseCodes).toBeUndefined();
    const b = await waitUntil(
      async () => {
        const r = await request(portal.url).get(`/portal/requests/${second.body.intakeId}/status`);
        return r.body.status === 'linked-to-existing' ? r.body : undefined;
      },
      30000,
      'duplicate linked',
    );
    expect(b).toEqual({
      intakeId: second.body.intakeId,
      status: 'linked-to-existing',
      note: LINKED_NOTE,
      submittedAt: expect.any(String),
      outcomeAt: expect.any(String),
    });
    expect(JSON.stringify(b)).not.toContain(caseCode);
    expect(JSON.stringify(b)).not.toContain(workOrderId);
    // The platform itself still knows where its intake went (staff, internal use).
    const platform = await portal.app.get(IntakeSubmissionService).status(second.body.intakeId);
    expect(platform).toMatchObject({ caseCode, workOrderId, possiblyRelatedCaseCodes: otherPeoples });
  });

  it('says whether the applicant phone is the signed-in account’s verified phone (only then may work-order attach the account to an existing case)', async () => {
    const attacker = await auth.bearer({ sub: 'citizen-attacker', roles: ['citizen'], phone: '13700000000' });
    const res = await request(portal.url)
      .post('/portal/requests')
      .set('authorization', attacker)
      .send(validBody({ contact: { phone: '13812345678' } }))
      .expect(202);
    const event = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.intakeSubmitted.name),
      (e) => (e.data as { intakeId?: string }).intakeId === res.body.intakeId,
      30000,
    );
    expect(event.data).toMatchObject({ citizenUserId: 'citizen-attacker', applicant: { phone: '13812345678' } });
    expect((event.data as { citizenPhoneVerified?: boolean }).citizenPhoneVerified).toBeUndefined();
    // Linked by work-order to the phone owner's case: the attacker's "my requests" shows only his own intake and the note.
    const victimCase = testCaseCode();
    await stream.registered({
      intakeId: res.body.intakeId,
      platform: 'portal',
      workOrderId: randomUUID(),
      caseCode: victimCase,
      outcome: 'linked-to-existing',
      possiblyRelatedCaseCodes: [],
    });
    const mine = await waitUntil(
      async () => {
        const r = await request(portal.url).get('/portal/my/requests').set('authorization', attacker).expect(200);
        return r.body.pending.some((p: { status: string }) => p.status === 'linked-to-existing') ? r.body : undefined;
      },
      30000,
      'the linked intake listed',
    );
    expect(mine.pending).toEqual([
      expect.objectContaining({ intakeId: res.body.intakeId, status: 'linked-to-existing', note: LINKED_NOTE }),
    ]);
    expect(mine.items).toEqual([]);
    expect(JSON.stringify(mine)).not.toContain(victimCase);
  });

  it('ignores outcomes meant for another platform', async () => {
    const res = await request(portal.url).post('/portal/requests').send(validBody()).expect(202);
    await stream.registered({
      intakeId: res.body.intakeId,
      platform: 'hotline',
      workOrderId: randomUUID(),
      caseCode: testCaseCode(),
      outcome: 'created',
      possiblyRelatedCaseCodes: [],
    });
    const marker = await request(portal.url).post('/portal/requests').send(validBody()).expect(202);
    await stream.registered({
      intakeId: marker.body.intakeId,
      platform: 'portal',
      workOrderId: randomUUID(),
      caseCode: testCaseCode(),
      outcome: 'created',
      possiblyRelatedCaseCodes: [],
    });
    await waitUntil(
      async () =>
        (await request(portal.url).get(`/portal/requests/${marker.body.intakeId}/status`)).body.status === 'registered',
      30000,
      'marker registered',
    );
    expect((await request(portal.url).get(`/portal/requests/${res.body.intakeId}/status`)).body.status).toBe(
      'submitted',
    );
  });

  describe('bad input gets 400/413 problem+json naming each field and writes nothing', () => {
    const cases: [string, () => Record<string, unknown> | string, number, string[]][] = [
      ['missing fields', () => ({ serviceType: 'legal-aid' }), 400, ['regionCode', 'description', 'contact']],
      [
        'a wrong ID-card check digit',
        () => validBody({ contact: { name: '张三', phone: '13812345678', idCardNumber: WRONG_ID_CARD } }),
        400,
        ['contact.idCardNumber'],
      ],
      ['an unknown region code', () => validBody({ regionCode: '371399' }), 400, ['regionCode']],
      ['a region outside Shandong', () => validBody({ regionCode: '110101' }), 400, ['regionCode']],
      [
        'a bad phone and an unknown field',
        () => validBody({ contact: { phone: '12345' }, secret: 1 }),
        400,
        ['contact.phone', 'secret'],
      ],
      ['a 1 MB description', () => validBody({ description: '字'.repeat(1024 * 1024) }), 413, []],
    ];

    it.each(cases)('%s', async (_what, body, status, fields) => {
      const before = await counts();
      const res = await request(portal.url)
        .post('/portal/requests')
        .set('idempotency-key', randomUUID())
        .send(body())
        .expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.status).toBe(status);
      const named = (res.body.errors ?? []).map((e: { field: string }) => e.field);
      for (const field of fields) expect(named).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('a description longer than 5000 characters within the body limit', async () => {
      const before = await counts();
      const res = await request(portal.url)
        .post('/portal/requests')
        .send(validBody({ description: 'x'.repeat(5001) }))
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['description']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for a retry with the same body and stores one intake', async () => {
      const key = randomUUID();
      const before = await counts();
      const first = await request(portal.url)
        .post('/portal/requests')
        .set('idempotency-key', key)
        .send(validBody())
        .expect(202);
      const retry = await request(portal.url)
        .post('/portal/requests')
        .set('idempotency-key', key)
        .send(validBody())
        .expect(202);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const after = await counts();
      expect(after.submissions - before.submissions).toBe(1);
      expect(after.intakes - before.intakes).toBe(1);
    });

    it('refuses the same key with a different body (422) and stores nothing more', async () => {
      const key = randomUUID();
      await request(portal.url).post('/portal/requests').set('idempotency-key', key).send(validBody()).expect(202);
      const before = await counts();
      const res = await request(portal.url)
        .post('/portal/requests')
        .set('idempotency-key', key)
        .send(validBody({ description: '另一件事' }))
        .expect(422);
      expect(res.body.code).toBe('idempotency-key-reused');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await counts()).toEqual(before);
    });

    it('answers 409 to a duplicate sent while the first is still in flight, and one intake is stored', async () => {
      const key = randomUUID();
      const before = await counts();
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          request(portal.url).post('/portal/requests').set('idempotency-key', key).send(validBody()),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
      expect(statuses).toContain(202);
      const created = results.filter((r) => r.status === 202).map((r) => r.body.intakeId as string);
      expect(new Set(created).size).toBe(1);
      for (const r of results.filter((x) => x.status === 409))
        expect(r.body.code).toBe('idempotency-request-in-flight');
      expect((await counts()).intakes - before.intakes).toBe(1);
    });

    it('lets a retry through after a failed first attempt (bad input is not remembered)', async () => {
      const key = randomUUID();
      await request(portal.url)
        .post('/portal/requests')
        .set('idempotency-key', key)
        .send(validBody({ regionCode: '371399' }))
        .expect(400);
      await request(portal.url)
        .post('/portal/requests')
        .set('idempotency-key', key)
        .send(validBody({ regionCode: '371399' }))
        .expect(400);
    });
  });

  it('lists a signed-in citizen’s pending submissions under “my requests”', async () => {
    const citizen = await auth.bearer({
      sub: `citizen-${randomUUID().slice(0, 6)}`,
      roles: ['citizen'],
      phone: '13900001111',
    });
    const res = await request(portal.url)
      .post('/portal/requests')
      .set('authorization', citizen)
      .send(validBody({ contact: { phone: '13900001111' } }))
      .expect(202);
    const mine = await request(portal.url).get('/portal/my/requests').set('authorization', citizen).expect(200);
    expect(mine.body).toMatchObject({ items: [], total: 0, limit: 20, offset: 0 });
    expect(mine.body.pending).toEqual([
      expect.objectContaining({ intakeId: res.body.intakeId, status: 'submitted', kind: 'request' }),
    ]);
    await request(portal.url).get('/portal/my/requests').expect(401);
    await request(portal.url)
      .get('/portal/my/requests')
      .set('authorization', await auth.bearer({ roles: ['hotline-agent'] }))
      .expect(403);
  });
});
