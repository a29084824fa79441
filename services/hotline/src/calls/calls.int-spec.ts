import { IntakeSubmitted, prefixedTopic, TOPICS } from '@legal/contracts';
import { EventCollector } from '@legal/messaging';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import {
  isolatedOverrides,
  TestAuthority,
  testCaseCode,
  uniqueTag,
  waitUntil,
  WorkOrderStreamFixture,
} from '@legal/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { HotlineEnv } from '../config/hotline.env';
import { hotlineService } from '../hotline.definition';

const BROKERS = ['127.0.0.1:9092'];

// The integration project's testTimeout is not applied per project by Jest; start-up on a busy machine can exceed 5 s.
jest.setTimeout(120_000);

describe('hotline calls (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('hcall');
  let auth: TestAuthority;
  let hotline: RunningService<HotlineEnv>;
  let stream: WorkOrderStreamFixture;
  let intakes: EventCollector;
  let db: DataSource;
  let agent: string;

  const count = async (table: string): Promise<number> => {
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM "${hotline.env.DB_SCHEMA}"."${table}"`)) as {
      n: number;
    }[];
    return row?.n ?? -1;
  };
  const submitted = async (intakeId: string): Promise<Record<string, unknown>> => {
    const [record] = await intakes.waitFor(
      (r) => r.event?.type === IntakeSubmitted.type && (r.event.data as { intakeId?: string }).intakeId === intakeId,
      1,
      60000,
    );
    return record?.event?.data as Record<string, unknown>;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    hotline = await startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env));
    db = hotline.app.get(DataSource);
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    intakes = await EventCollector.start(BROKERS, [prefixedTopic(tag, TOPICS.intakeSubmitted.name)]);
    agent = await auth.bearer({ sub: 'agent-17', roles: ['hotline-agent'], region: '370000' });
  });

  afterAll(async () => {
    await intakes?.stop();
    await stream?.close();
    await hotline?.stop();
  });

  it('turns a call that needs follow-up into an intake on the intake topic, with the caller number normalised', async () => {
    const res = await request(hotline.url)
      .post('/calls')
      .set('authorization', agent)
      .send({
        callerPhone: '+86 138-1234-5678',
        callerName: '张三',
        regionCode: '371324101',
        description: '老板拖欠工资三万元不给',
        serviceType: 'legal-aid',
        urgency: 'urgent',
        outcome: 'follow-up',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      outcome: 'follow-up',
      intakeStatus: 'submitted',
      callerPhoneMasked: '138****5678',
      callerPhoneLast4: '5678',
      callerNameMasked: '张*',
    });
    // The access code to read out to the caller: in this answer only, carried onwards as a keyed hash.
    expect(res.body.accessCode).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const again = await request(hotline.url).get(`/calls/${res.body.id}`).set('authorization', agent).expect(200);
    expect(again.body.accessCode).toBeUndefined();
    const data = await submitted(res.body.intakeId);
    expect(data.accessCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(data)).not.toContain(res.body.accessCode);
    expect(data).toMatchObject({
      platform: 'hotline',
      platformRecordId: res.body.id,
      serviceType: 'legal-aid',
      urgency: 'urgent',
      regionCode: '371324101',
      applicant: { name: '张三', phone: '13812345678' },
      submittedBy: { userId: 'agent-17', role: 'hotline-agent' },
    });
    expect(data.resolution).toBeUndefined();
    const [stored] = (await db.query(
      `SELECT caller_phone_hash, caller_phone_encrypted FROM "${hotline.env.DB_SCHEMA}".hotline_call WHERE id = $1`,
      [res.body.id],
    )) as Record<string, string>[];
    expect(stored?.caller_phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain('13812345678');
  });

  it('records a consultation answered on the call as answered-on-spot, so the work-order service closes it with its own case code', async () => {
    const res = await request(hotline.url)
      .post('/calls')
      .set('authorization', agent)
      .send({
        callerPhone: '13900001111',
        regionCode: '371302',
        description: '离婚后孩子抚养费怎么算',
        outcome: 'answered-on-spot',
        answerSummary: '告知抚养费一般按月收入20%-30%确定',
      })
      .expect(201);
    const data = await submitted(res.body.intakeId);
    expect(data).toMatchObject({
      serviceType: 'legal-consultation',
      resolution: { kind: 'answered-on-spot', summary: '告知抚养费一般按月收入20%-30%确定', answeredBy: 'agent-17' },
    });

    const caseCode = testCaseCode('371302');
    const workOrderId = randomUUID();
    await stream.registered({
      intakeId: res.body.intakeId,
      platform: 'hotline',
      workOrderId,
      caseCode,
      outcome: 'closed-on-spot',
      possiblyRelatedCaseCodes: [],
    });
    const call = await waitUntil(
      async () => {
        const r = await request(hotline.url).get(`/calls/${res.body.id}`).set('authorization', agent).expect(200);
        return r.body.caseCode ? (r.body as Record<string, unknown>) : undefined;
      },
      60000,
      'the case code on the call',
    );
    expect(call).toMatchObject({ caseCode, workOrderId, intakeStatus: 'closed-on-spot', outcome: 'answered-on-spot' });
  });

  it('rejects a call without an answer summary, with a bad number or an unknown region, naming each field and writing nothing', async () => {
    const before = {
      calls: await count('hotline_call'),
      intakes: await count('platform_intake'),
      outbox: await count('outbox_message'),
    };
    const res = await request(hotline.url)
      .post('/calls')
      .set('authorization', agent)
      .send({ callerPhone: '12345', regionCode: '110101', description: 'x'.repeat(5001), outcome: 'answered-on-spot' })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['answerSummary', 'callerPhone', 'description', 'regionCode']);
    expect({
      calls: await count('hotline_call'),
      intakes: await count('platform_intake'),
      outbox: await count('outbox_message'),
    }).toEqual(before);
  });

  it('replays the first answer for a retry with the same Idempotency-Key instead of logging the call twice', async () => {
    const key = randomUUID();
    const body = {
      callerPhone: '13700002222',
      regionCode: '371324',
      description: '咨询遗嘱公证需要什么材料',
      serviceType: 'notarization',
      outcome: 'follow-up',
    };
    const first = await request(hotline.url)
      .post('/calls')
      .set('authorization', agent)
      .set('idempotency-key', key)
      .send(body)
      .expect(201);
    const retry = await request(hotline.url)
      .post('/calls')
      .set('authorization', agent)
      .set('idempotency-key', key)
      .send(body)
      .expect(201);
    expect(retry.body.id).toBe(first.body.id);
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM "${hotline.env.DB_SCHEMA}".hotline_call WHERE description = $1`,
      [body.description],
    )) as { n: number }[];
    expect(row?.n).toBe(1);
  });

  it('lets only hotline agents log calls', async () => {
    const clerk = await auth.bearer({ roles: ['centre-clerk'], org: 'org-371324-centre', region: '371324' });
    await request(hotline.url).post('/calls').set('authorization', clerk).send({}).expect(403);
  });
});
