import { randomUUID } from 'node:crypto';
import { CallbackCompleted, EvaluationSubmitted, Progressed, Resolved, TOPICS } from '@legal/contracts';
import type { RunningService } from '@legal/service-kit';
import { startService } from '@legal/service-kit';
import type { ChangedData } from '@legal/testing';
import {
  isolatedOverrides,
  TestAuthority,
  uniqueTag,
  waitUntil,
  WorkOrderScript,
  WorkOrderStreamFixture,
} from '@legal/testing';
import { DataSource } from 'typeorm';
import type { OversightEnv } from '../config/oversight.env';
import { countFromFacts, countRollups } from '../indicators/indicators.query';
import { parsePeriod } from '../indicators/period';
import { oversightService } from '../oversight.definition';
import { DailyDeadlineRollup, DailyRollup } from './daily-rollup.entity';
import { DeadlineFact } from './deadline-fact.entity';
import { tableOf } from './table-name';
import { WorkOrderFact } from './work-order-fact.entity';

jest.setTimeout(120_000);

const BROKERS = ['127.0.0.1:9092'];
const citizen = { phoneLast4: '1234' };
const HOUR = 3_600_000;
const T0 = Date.parse('2026-10-31T15:30:00.000Z'); // 2026-10-31 23:30 in Shanghai, the last hour of the day
const iso = (hours: number): string => new Date(T0 + hours * HOUR).toISOString();
const at = (view: ChangedData, hours: number): ChangedData => ({ ...view, entry: { ...view.entry, at: iso(hours) } });
const deadline = (
  kind: string,
  status: ChangedData['deadlines'][number]['status'],
): ChangedData['deadlines'][number] => ({ kind, dueAt: iso(100), rule: 'calendar-days', explanation: 'test', status });

describe('daily roll-ups kept by the projection', () => {
  const tag = uniqueTag('ovr');
  let oversight: RunningService<OversightEnv>;
  let stream: WorkOrderStreamFixture;
  let db: DataSource;

  beforeAll(async () => {
    const auth = await TestAuthority.create();
    oversight = await startService(
      oversightService,
      isolatedOverrides(tag, 'oversight', { ...auth.env, MONTHLY_REPORT_CHECK_INTERVAL_MS: 0 }),
    );
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    db = oversight.app.get(DataSource);
  });

  afterAll(async () => {
    await stream?.close();
    await oversight?.stop();
  });

  /** The roll-ups recomputed from the facts with one GROUP BY, in the table's own columns. */
  const recomputed = (): Promise<unknown[]> =>
    db.query(
      `SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, county_code, origin_platform, service_type,
       COALESCE(organisation_id, '') AS organisation_id, count(*)::int AS total,
       count(dispatched_at)::int AS dispatched, count(accepted_at)::int AS accepted,
       count(*) FILTER (WHERE routing_fallback)::int AS routing_fallback,
       count(*) FILTER (WHERE supervised AND supervision_resolved)::int AS supervision_resolved,
       count(evaluation_score)::int AS evaluated, count(*) FILTER (WHERE evaluation_score >= 4)::int AS good,
       count(resolved_at)::int AS resolved, count(*) FILTER (WHERE reopen_count > 0)::int AS reopened,
       COALESCE(sum(extract(epoch FROM accepted_at - received_at)), 0)::text AS acceptance_seconds,
       count(registered_at)::int AS registered,
       COALESCE(sum(extract(epoch FROM registered_at - received_at)), 0)::text AS registration_seconds,
       count(*) FILTER (WHERE aid_decision = 'granted')::int AS aid_granted,
       count(*) FILTER (WHERE aid_decision = 'granted' AND exempt_category IS NOT NULL)::int AS aid_exempt,
       count(mediation_outcome)::int AS mediation_ended,
       count(*) FILTER (WHERE mediation_outcome = 'agreement-reached')::int AS agreements,
       count(*) FILTER (WHERE mediation_outcome = 'agreement-reached' AND judicial_confirmation = 'confirmed')::int
         AS confirmed,
       sum(callbacks_completed)::int AS callbacks, sum(callbacks_on_time)::int AS callbacks_on_time
     FROM ${tableOf(db.manager, WorkOrderFact)} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    );
  const kept = (): Promise<unknown[]> =>
    db.query(
      `SELECT day::text AS day, county_code, origin_platform, service_type, organisation_id, total, dispatched, accepted,
       routing_fallback, supervision_resolved, evaluated, good_evaluations AS good, resolved, reopened,
       acceptance_seconds_sum::text AS acceptance_seconds, registered,
       registration_seconds_sum::text AS registration_seconds, aid_granted, aid_exempt, mediation_ended,
       mediation_agreements AS agreements, agreements_confirmed AS confirmed, callbacks_completed AS callbacks,
       callbacks_on_time
     FROM ${tableOf(db.manager, DailyRollup)} WHERE total <> 0 ORDER BY 1, 2, 3, 4, 5`,
    );
  const deadlinesRecomputed = (): Promise<unknown[]> =>
    db.query(
      `SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, county_code, kind, status, count(*)::int AS n
     FROM ${tableOf(db.manager, DeadlineFact)} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    );
  const deadlinesKept = (): Promise<unknown[]> =>
    db.query(
      `SELECT day::text AS day, county_code, kind, status, n FROM ${tableOf(db.manager, DailyDeadlineRollup)}
     WHERE n <> 0 ORDER BY 1, 2, 3, 4`,
    );

  it('equal a recomputation from the facts after updates, a move to another city and service type, and replays', async () => {
    const a = new WorkOrderScript({
      citizen,
      receivedAt: iso(0),
      registeredAt: new Date(T0 + 45_000).toISOString(),
      regionCode: '370102001',
      serviceType: 'legal-aid',
      originPlatform: 'hotline',
      platforms: ['hotline'],
    });
    const b = new WorkOrderScript({
      citizen,
      receivedAt: iso(0),
      registeredAt: iso(0.5),
      regionCode: '371324101',
      serviceType: 'mediation',
      originPlatform: 'portal',
      platforms: ['portal'],
    });
    const a1 = at(a.next('received', { deadlines: [] }, 'received'), 0);
    const a2 = at(a.next('offered', { organisationId: 'org-370102-legal-aid', handler: 'legal-aid' }, 'offered'), 2);
    const a3 = at(a.next('accepted', { deadlines: [deadline('legal-aid-decision', 'running')] }, 'offer-accepted'), 4);
    // Corrected: another county and city, another service type; the deadline met.
    const a4 = at(
      a.next(
        'accepted',
        { regionCode: '371324102', serviceType: 'duty-lawyer', deadlines: [deadline('legal-aid-decision', 'met')] },
        'region-corrected',
      ),
      5,
    );
    const b1 = at(b.next('triage', { deadlines: [deadline('mediation-term', 'running')] }, 'sent-to-triage'), 0);
    const b2 = at(b.next('offered', { organisationId: 'org-371324-mediation', handler: 'mediation' }, 'offered'), 3);
    const b3 = at(b.next('resolved', { deadlines: [deadline('mediation-term', 'breached')] }, 'resolved'), 30);
    // Handler outcomes: b's agreement is read before any view of b (another topic), the confirmation after.
    const report = (type: string, workOrderId: string, data: Record<string, unknown>) =>
      stream.send(TOPICS.handlerReport.name, type, workOrderId, {
        workOrderId,
        handlerCaseId: 'case-1',
        at: iso(20),
        ...data,
      });
    const agreement = {
      handler: 'mediation',
      outcome: 'agreement-reached',
      summary: 'agreed',
      details: { mediationOutcome: 'agreement-reached' },
    };
    await report(Resolved.type, b.workOrderId, agreement);
    for (const view of [a1, a2, b1, a3, b2, a4, b3]) await stream.changed(view);
    await report(Progressed.type, a.workOrderId, {
      handler: 'legal-aid',
      step: 'aid-granted',
      detail: 'granted',
      deadlines: [],
      details: { aidDecision: 'granted', exemptCategory: 'minor' },
    });
    await report(Progressed.type, b.workOrderId, {
      handler: 'mediation',
      at: iso(25),
      step: 'judicial-confirmation-decided',
      detail: 'confirmed',
      deadlines: [],
      details: { judicialConfirmation: 'confirmed' },
    });
    // Callbacks: b's on time; a's late, and replayed (counted once).
    const callback = (workOrderId: string, caseCode: string, due: number, done: number) => ({
      callbackId: randomUUID(),
      workOrderId,
      caseCode,
      reason: 'evaluation-due',
      raisedAt: iso(30),
      dueAt: iso(due),
      completedAt: iso(done),
      outcome: 'evaluation-recorded',
    });
    const late = callback(a.workOrderId, a.caseCode, 40, 50);
    for (const data of [callback(b.workOrderId, b.caseCode, 80, 35), late, late])
      await stream.send(TOPICS.feedback.name, CallbackCompleted.type, data.workOrderId, data);
    // A replay of the agreement and an older, stale confirmation change nothing.
    await report(Resolved.type, b.workOrderId, agreement);
    await report(Progressed.type, b.workOrderId, {
      handler: 'mediation',
      at: iso(21),
      step: 'judicial-confirmation-decided',
      detail: 'rejected earlier',
      deadlines: [],
      details: { judicialConfirmation: 'rejected' },
    });
    // Replays: the same events again (new ids, so the inbox lets them through) and older views out of order.
    for (const view of [a2, a3, b2, a1, a4, b3]) await stream.changed(view);
    await waitUntil(
      async () => {
        const rows = await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ${tableOf(db.manager, WorkOrderFact)}
         WHERE (work_order_id = $1 AND version = 4 AND aid_decision = 'granted' AND callbacks_completed = 1)
            OR (work_order_id = $2 AND version = 3 AND judicial_confirmation = 'confirmed' AND callbacks_on_time = 1)`,
          [a.workOrderId, b.workOrderId],
        );
        return rows[0]?.n === 2 || undefined;
      },
      60_000,
      'both work orders at their last state, with the handlers’ outcomes',
    );
    // The evaluation after the work order is known (an evaluation of an unknown work order changes nothing).
    await stream.send(TOPICS.feedback.name, EvaluationSubmitted.type, b.workOrderId, {
      evaluationId: randomUUID(),
      workOrderId: b.workOrderId,
      caseCode: b.caseCode,
      score: 5,
      platform: 'portal',
      submittedAt: iso(31),
    });
    await waitUntil(
      async () => {
        const rows = await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ${tableOf(db.manager, WorkOrderFact)} WHERE work_order_id = $1 AND evaluation_score = 5`,
          [b.workOrderId],
        );
        return rows[0]?.n === 1 || undefined;
      },
      60_000,
      'the evaluation',
    );
    // Let the replays behind the last state land too.
    await new Promise((r) => setTimeout(r, 2_000));

    const rows = await kept();
    expect(rows).toEqual(await recomputed());
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      day: '2026-10-31',
      county_code: '371324',
      service_type: 'duty-lawyer',
      total: 1,
      accepted: 1,
    });
    expect(await deadlinesKept()).toEqual(await deadlinesRecomputed());
    expect(await deadlinesKept()).toEqual([
      { day: '2026-10-31', county_code: '371324', kind: 'legal-aid-decision', status: 'met', n: 1 },
      { day: '2026-10-31', county_code: '371324', kind: 'mediation-term', status: 'breached', n: 1 },
    ]);
    const [aRow] = rows.filter((r) => (r as { service_type: string }).service_type === 'duty-lawyer');
    expect(aRow).toMatchObject({
      registered: 1,
      registration_seconds: '45.000000',
      aid_granted: 1,
      aid_exempt: 1,
      callbacks: 1,
      callbacks_on_time: 0,
    });
    expect(rows.find((r) => (r as { service_type: string }).service_type === 'mediation')).toMatchObject({
      registered: 1,
      registration_seconds: '1800.000000',
      mediation_ended: 1,
      agreements: 1,
      confirmed: 1,
      callbacks: 1,
      callbacks_on_time: 1,
    });
    const now = new Date();
    const october = { period: parsePeriod('2026-10'), regionCode: '370000', now };
    expect((await countRollups(db.manager, { ...october, grouping: 'none' })).get('all')).toMatchObject({
      registered: 2,
      registrationMinutesSum: 30.75,
      aidGranted: 1,
      aidExempt: 1,
      mediationEnded: 1,
      mediationAgreements: 1,
      agreementsConfirmed: 1,
      callbacksCompleted: 2,
      callbacksOnTime: 1,
    });
    // Deadlines per organisation (from the facts: the roll-ups do not key deadlines by organisation).
    const byOrganisation = await countFromFacts(db.manager, { ...october, grouping: 'organisation' });
    expect([...byOrganisation.keys()].sort()).toEqual(['org-370102-legal-aid', 'org-371324-mediation']);
    expect(byOrganisation.get('org-370102-legal-aid')).toMatchObject({
      total: 1,
      deadlinesMet: 1,
      deadlinesBreached: 0,
    });
    expect(byOrganisation.get('org-371324-mediation')).toMatchObject({
      total: 1,
      deadlinesMet: 0,
      deadlinesBreached: 1,
    });
    for (const [period, region, grouping] of [
      ['2026-11', '370000', 'none'],
      ['2026-10-01..2026-11-30', '370000', 'city'],
      ['2026-10', '371300', 'county'],
      ['2026-10', '371324', 'day'],
      ['2026', '370000', 'month'],
    ] as const) {
      const scope = { period: parsePeriod(period), regionCode: region, grouping, now };
      expect(await countRollups(db.manager, scope)).toEqual(await countFromFacts(db.manager, scope));
    }
  });
});
