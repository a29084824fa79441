import { CallbackCompleted, EvaluationSubmitted, prefixedTopic, TOPICS } from '@legal/contracts';
import { waitForEvent } from '@legal/messaging';
import { WorkOrderView } from '@legal/platform-kit';
import { PiiProtector } from '@legal/privacy';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import {
  countStatements,
  isolatedOverrides,
  TestAuthority,
  uniqueTag,
  waitUntil,
  WorkOrderScript,
  WorkOrderStreamFixture,
} from '@legal/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { HotlineEnv } from '../config/hotline.env';
import { hotlineService } from '../hotline.definition';
import { CallbackRaiser } from './callback-raiser.service';

const BROKERS = ['127.0.0.1:9092'];

// The integration project's testTimeout is not applied per project by Jest; start-up on a busy machine can exceed 5 s.
jest.setTimeout(120_000);

describe('hotline callback tasks (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('hcb');
  let auth: TestAuthority;
  let hotline: RunningService<HotlineEnv>;
  let stream: WorkOrderStreamFixture;
  let db: DataSource;
  let pii: PiiProtector;
  let agentA: string;
  let agentB: string;

  const tasksOf = async (workOrderId: string): Promise<{ id: string; reason: string; status: string }[]> =>
    (await db.query(
      `SELECT id, reason, status FROM "${hotline.env.DB_SCHEMA}".callback_task WHERE work_order_id = $1 ORDER BY created_at`,
      [workOrderId],
    )) as {
      id: string;
      reason: string;
      status: string;
    }[];
  const processed = async (eventId: string): Promise<boolean> => {
    const rows = (await db.query(`SELECT 1 FROM "${hotline.env.DB_SCHEMA}".inbox_message WHERE event_id = $1`, [
      eventId,
    ])) as unknown[];
    return rows.length > 0;
  };
  const citizen = (phone: string): { phoneHash: string; phoneLast4: string; displayName: string } => ({
    phoneHash: pii.hash(phone),
    phoneLast4: phone.slice(-4),
    displayName: '李*',
  });

  beforeAll(async () => {
    auth = await TestAuthority.create();
    hotline = await startService(hotlineService, isolatedOverrides(tag, 'hotline', auth.env));
    db = hotline.app.get(DataSource);
    pii = hotline.app.get(PiiProtector);
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    agentA = await auth.bearer({ sub: 'agent-a', roles: ['hotline-agent'], region: '370000' });
    agentB = await auth.bearer({ sub: 'agent-b', roles: ['hotline-agent'], region: '370000' });
  });

  afterAll(async () => {
    await stream?.close();
    await hotline?.stop();
  });

  it('queues one needs-information callback when a work order waits for the applicant, however often that change arrives', async () => {
    const script = new WorkOrderScript({ citizen: citizen('13811112222') });
    await stream.changed(script.next('accepted'));
    const waiting = await stream.changed(script.next('waiting-applicant', {}, 'needs-info'));
    await waitUntil(async () => (await tasksOf(script.workOrderId)).length === 1, 60000, 'the callback task');
    await stream.changed(waiting.data, waiting.id); // redelivery of the same event
    const reminder = await stream.changed(script.next('waiting-applicant', {}, 'info-reminder')); // a newer version, still waiting
    await waitUntil(() => processed(reminder.id), 60000, 'the reminder to be processed');
    const tasks = await tasksOf(script.workOrderId);
    expect(tasks).toEqual([expect.objectContaining({ reason: 'needs-information', status: 'open' })]);

    const list = await request(hotline.url)
      .get('/callbacks')
      .query({ reason: 'needs-information', caseCode: script.caseCode })
      .set('authorization', agentA)
      .expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      caseCode: script.caseCode,
      phoneLast4: '2222',
      citizenDisplayName: '李*',
      deadlineRule: 'working-days',
      overdue: false,
    });
    expect(Date.parse(list.body.items[0].dueAt)).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
  });

  it('queues one deadline-overdue callback per work order from DeadlineOverdue, even when warned twice', async () => {
    const script = new WorkOrderScript({ citizen: citizen('13833334444'), serviceType: 'mediation' });
    const accepted = await stream.changed(script.next('accepted'));
    await waitUntil(() => processed(accepted.id), 60000, 'the work order in the read model');
    const alert = {
      workOrderId: script.workOrderId,
      caseCode: script.caseCode,
      kind: 'mediation-term',
      dueAt: new Date(Date.now() - 60000).toISOString(),
      detectedAt: new Date().toISOString(),
    };
    const first = await stream.overdue(alert);
    const second = await stream.overdue({ ...alert, kind: 'mediation-first-session' });
    await waitUntil(
      async () => (await processed(first.id)) && (await processed(second.id)),
      60000,
      'both overdue events',
    );
    const tasks = await tasksOf(script.workOrderId);
    expect(tasks).toEqual([expect.objectContaining({ reason: 'deadline-overdue', status: 'open' })]);
    const [row] = (await db.query(
      `SELECT deadline_rule, phone_last4, due_at FROM "${hotline.env.DB_SCHEMA}".callback_task WHERE id = $1`,
      [tasks[0]?.id],
    )) as Record<string, unknown>[];
    expect(row).toMatchObject({ deadline_rule: 'hours', phone_last4: '4444' });
  });

  it('lets one agent claim a task: another agent gets 409 on claim and complete; the holder sees the number to dial and completes it', async () => {
    const phone = '13855556666';
    await request(hotline.url)
      .post('/calls')
      .set('authorization', agentA)
      .send({ callerPhone: phone, regionCode: '371324', description: '咨询调解进度', outcome: 'follow-up' })
      .expect(201);
    const script = new WorkOrderScript({ citizen: citizen(phone) });
    await stream.changed(script.next('waiting-applicant'));
    const [task] = await waitUntil(
      async () => {
        const t = await tasksOf(script.workOrderId);
        return t.length === 1 ? t : undefined;
      },
      60000,
      'the callback task',
    );
    const id = task?.id ?? '';

    const claimed = await request(hotline.url).post(`/callbacks/${id}/claim`).set('authorization', agentA).expect(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', claimedBy: 'agent-a', callbackPhone: phone });
    const conflict = await request(hotline.url).post(`/callbacks/${id}/claim`).set('authorization', agentB).expect(409);
    expect(conflict.body).toMatchObject({ code: 'callback-claimed-by-another', status: 409 });
    await request(hotline.url)
      .post(`/callbacks/${id}/complete`)
      .set('authorization', agentB)
      .send({ outcome: 'reached-caller' })
      .expect(409);
    const seenByB = await request(hotline.url).get(`/callbacks/${id}`).set('authorization', agentB).expect(200);
    expect(seenByB.body.callbackPhone).toBeUndefined();

    const done = await request(hotline.url)
      .post(`/callbacks/${id}/complete`)
      .set('authorization', agentA)
      .send({ outcome: 'information-received', note: '明日送材料' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'information-received', completedBy: 'agent-a' });
    await request(hotline.url).post(`/callbacks/${id}/claim`).set('authorization', agentA).expect(409);
    // Oversight hears of it: codes and times, never the number dialled.
    const completed = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.feedback.name),
      (e) => (e.data as { callbackId?: string }).callbackId === id,
      60000,
    );
    expect(completed.type).toBe(CallbackCompleted.type);
    expect(completed.data).toEqual({
      callbackId: id,
      workOrderId: script.workOrderId,
      caseCode: script.caseCode,
      reason: 'needs-information',
      raisedAt: expect.any(String),
      dueAt: done.body.dueAt,
      completedAt: done.body.completedAt,
      outcome: 'information-received',
    });
    expect(JSON.stringify(completed.data)).not.toContain(phone);
  });

  it('asks for an evaluation when a work order is resolved; recording it on the phone publishes EvaluationSubmitted and closes the task', async () => {
    const script = new WorkOrderScript({ citizen: citizen('13877778888') });
    await stream.changed(script.next('in-progress'));
    await stream.changed(script.next('resolved'));
    await waitUntil(
      async () => (await tasksOf(script.workOrderId)).some((t) => t.reason === 'evaluation-due'),
      60000,
      'the evaluation callback',
    );

    const res = await request(hotline.url)
      .post('/evaluations')
      .set('authorization', agentA)
      .send({ caseCode: script.caseCode, score: 2, comment: '等了很久' })
      .expect(201);
    const event = await waitForEvent(
      BROKERS,
      prefixedTopic(tag, TOPICS.feedback.name),
      (e) => (e.data as { evaluationId?: string }).evaluationId === res.body.id,
      60000,
    );
    expect(event.type).toBe(EvaluationSubmitted.type);
    expect(event.data).toMatchObject({
      workOrderId: script.workOrderId,
      caseCode: script.caseCode,
      score: 2,
      platform: 'hotline',
    });
    expect(await tasksOf(script.workOrderId)).toEqual([
      expect.objectContaining({ reason: 'evaluation-due', status: 'completed' }),
    ]);
    await request(hotline.url)
      .post('/evaluations')
      .set('authorization', agentA)
      .send({ caseCode: script.caseCode, score: 5 })
      .expect(409);
  });

  it('follows a work-order change in one statement: withdraws the open task that no longer applies, gives the live one the citizen', async () => {
    const script = new WorkOrderScript({ citizen: citizen('13899990000') });
    const accepted = await stream.changed(script.next('accepted'));
    await waitUntil(() => processed(accepted.id), 60000, 'the work order in the read model');
    const raiser = hotline.app.get(CallbackRaiser);
    // Two tasks raised before the read model knew the citizen (no view): both without contact details.
    await db.transaction(async (m) => {
      for (const reason of ['needs-information', 'deadline-overdue'] as const)
        await raiser.raise(m, {
          workOrderId: script.workOrderId,
          caseCode: script.caseCode,
          reason,
          detail: 'raised without the view',
          view: null,
          raisedAt: new Date(),
        });
    });
    const view = await db.getRepository(WorkOrderView).findOneByOrFail({ workOrderId: script.workOrderId });
    expect(view.status).toBe('accepted');
    const { statements } = await countStatements(db, (m) => raiser.onWorkOrderChanged(view, m));
    // 'accepted' raises nothing; the two UPDATEs that used to follow every change are one.
    expect(statements.map((s) => s.sql.split(' ')[0]).filter((verb) => verb !== 'COMMIT')).toEqual(['UPDATE']);
    const rows = (await db.query(
      `SELECT reason, status, outcome, note, phone_last4, region_code FROM "${hotline.env.DB_SCHEMA}".callback_task
        WHERE work_order_id = $1 ORDER BY reason`,
      [script.workOrderId],
    )) as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        reason: 'deadline-overdue',
        status: 'open',
        outcome: null,
        note: null,
        phone_last4: '0000',
        region_code: view.regionCode,
      },
      {
        reason: 'needs-information',
        status: 'cancelled',
        outcome: 'superseded',
        note: 'work order is now accepted',
        phone_last4: null,
        region_code: null,
      },
    ]);
  });
});
