import { IntakeSubmitted, prefixedTopic, TOPICS } from '@legal/contracts';
import { idCardCheckCharacter } from '@legal/domain';
import { waitForEvent } from '@legal/messaging';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { centreService } from '../centre.definition';
import type { CentreEnv } from '../config/centre.env';

const BROKERS = ['127.0.0.1:9092'];
const FIRST17 = '37132419900307123';
const ID_CARD = `${FIRST17}${idCardCheckCharacter(FIRST17)}`;
const WRONG_ID_CARD = `${FIRST17}${idCardCheckCharacter(FIRST17) === '1' ? '2' : '1'}`;

// The integration project's testTimeout is not applied per project by Jest; start-up on a busy machine can exceed 5 s.
jest.setTimeout(120_000);

describe('centre walk-ins and counter queue (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('cwalk');
  let auth: TestAuthority;
  let centre: RunningService<CentreEnv>;
  let db: DataSource;
  let clerk: string;
  let otherOrgClerk: string;

  const counts = async (): Promise<Record<string, number>> => {
    const s = centre.env.DB_SCHEMA;
    const [row] = (await db.query(
      `SELECT (SELECT count(*) FROM "${s}".walk_in_visit)::int AS visits, (SELECT count(*) FROM "${s}".platform_intake)::int AS intakes,
              (SELECT count(*) FROM "${s}".outbox_message)::int AS outbox`,
    )) as Record<string, number>[];
    return row ?? {};
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    centre = await startService(
      centreService,
      isolatedOverrides(tag, 'centre', { ...auth.env, REFERRAL_SWEEP_INTERVAL_MS: 0 }),
    );
    db = centre.app.get(DataSource);
    clerk = await auth.bearer({ sub: 'clerk-3', roles: ['centre-clerk'], org: 'org-371324-centre', region: '371324' });
    otherOrgClerk = await auth.bearer({
      sub: 'clerk-8',
      roles: ['centre-clerk'],
      org: 'org-371302-centre',
      region: '371302',
    });
  });

  afterAll(async () => {
    await centre?.stop();
  });

  it('rejects an ID number with a wrong check character with 400 naming the field, and writes nothing', async () => {
    const before = await counts();
    const res = await request(centre.url)
      .post('/walk-ins')
      .set('authorization', clerk)
      .send({ idCardNumber: WRONG_ID_CARD, name: '张三', address: '兰陵县卞庄街道1号' })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'idCardNumber' })]);
    expect(JSON.stringify(res.body)).not.toContain(WRONG_ID_CARD);
    const unknownRegion = await request(centre.url)
      .post('/walk-ins')
      .set('authorization', clerk)
      .send({ idCardNumber: ID_CARD, name: '', address: 'x', regionCode: '110101' })
      .expect(400);
    expect((unknownRegion.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'name',
      'regionCode',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('registers a walk-in with the card data stored hashed and encrypted and shown masked; the outcome becomes an intake', async () => {
    const ticket = await request(centre.url)
      .post('/queue/tickets')
      .set('authorization', clerk)
      .send({ counter: 'C', serviceType: 'legal-consultation' })
      .expect(201);
    await request(centre.url).post('/queue/counters/C/call-next').set('authorization', clerk).expect(200);
    const res = await request(centre.url)
      .post('/walk-ins')
      .set('authorization', clerk)
      .send({
        idCardNumber: ID_CARD,
        name: '张三',
        address: '山东省临沂市兰陵县卞庄街道幸福路1号',
        phone: '13812345678',
        regionCode: '371324101',
        ticketId: ticket.body.id,
      })
      .expect(201);
    expect(res.body).toMatchObject({
      nameMasked: '张*',
      phoneMasked: '138****5678',
      organisationId: 'org-371324-centre',
      regionCode: '371324101',
    });
    expect(res.body.idCardMasked).not.toBe(ID_CARD);
    expect(JSON.stringify(res.body)).not.toContain(ID_CARD);
    const [row] = (await db.query(`SELECT * FROM "${centre.env.DB_SCHEMA}".walk_in_visit WHERE id = $1`, [
      res.body.id,
    ])) as Record<string, unknown>[];
    expect(JSON.stringify(row)).not.toMatch(/371324199003071|张三|13812345678|幸福路/);

    await request(centre.url).get(`/walk-ins/${res.body.id}`).set('authorization', otherOrgClerk).expect(403);

    const outcome = await request(centre.url)
      .post(`/walk-ins/${res.body.id}/outcome`)
      .set('authorization', clerk)
      .send({
        outcome: 'answered-on-spot',
        description: '咨询宅基地纠纷如何处理',
        answerSummary: '告知可申请村调委会调解',
      })
      .expect(200);
    expect(outcome.body).toMatchObject({ outcome: 'answered-on-spot', intakeStatus: 'submitted' });
    expect(outcome.body.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/); // for the citizen's slip, in this answer only
    expect(
      (await request(centre.url).get(`/walk-ins/${res.body.id}`).set('authorization', clerk).expect(200)).body
        .accessCode,
    ).toBeUndefined();
    const event = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.intakeSubmitted.name),
      (e) => (e.data as { intakeId?: string }).intakeId === outcome.body.intakeId,
      60000,
    );
    expect(event.type).toBe(IntakeSubmitted.type);
    expect(event.data).toMatchObject({
      platform: 'centre',
      platformRecordId: res.body.id,
      serviceType: 'legal-consultation',
      regionCode: '371324101',
      applicant: {
        name: '张三',
        idCardNumber: ID_CARD,
        phone: '13812345678',
        address: '山东省临沂市兰陵县卞庄街道幸福路1号',
      },
      resolution: { kind: 'answered-on-spot', summary: '告知可申请村调委会调解', answeredBy: 'clerk-3' },
      submittedBy: { userId: 'clerk-3', role: 'centre-clerk' },
    });
    const served = await request(centre.url)
      .get('/queue/tickets')
      .query({ counter: 'C' })
      .set('authorization', clerk)
      .expect(200);
    expect(served.body.items).toEqual([expect.objectContaining({ id: ticket.body.id, status: 'served' })]);
    await request(centre.url)
      .post(`/walk-ins/${res.body.id}/outcome`)
      .set('authorization', clerk)
      .send({ outcome: 'work-order', description: 'again' })
      .expect(409);
  });

  it('numbers tickets sequentially per counter and organisation, and calls them in order', async () => {
    const issue = async (token: string, counter: string): Promise<string> =>
      (await request(centre.url).post('/queue/tickets').set('authorization', token).send({ counter }).expect(201)).body
        .number as string;
    const numbers = [];
    for (const counter of ['A', 'A', 'B', 'A']) numbers.push(await issue(clerk, counter));
    expect(numbers).toEqual(['A-001', 'A-002', 'B-001', 'A-003']);
    expect(await issue(otherOrgClerk, 'A')).toBe('A-001');

    const parallel = await Promise.all(Array.from({ length: 8 }, () => issue(clerk, 'D')));
    expect([...parallel].sort()).toEqual(['D-001', 'D-002', 'D-003', 'D-004', 'D-005', 'D-006', 'D-007', 'D-008']);

    const first = await request(centre.url).post('/queue/counters/A/call-next').set('authorization', clerk).expect(200);
    const second = await request(centre.url)
      .post('/queue/counters/A/call-next')
      .set('authorization', clerk)
      .expect(200);
    expect([first.body.number, second.body.number]).toEqual(['A-001', 'A-002']);
    await request(centre.url).post('/queue/counters/A/call-next').set('authorization', clerk).expect(200);
    const empty = await request(centre.url).post('/queue/counters/A/call-next').set('authorization', clerk).expect(404);
    expect(empty.body.code).toBe('queue-empty');
    await request(centre.url).post('/queue/tickets').set('authorization', clerk).send({ counter: 'a1' }).expect(400);
  });
});
