import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { OversightEnv } from '../config/oversight.env';
import { oversightService } from '../oversight.definition';
import { shanghaiMonth } from '../reports/monthly-report-month';
import { MonthlyReportsService } from '../reports/monthly-reports.service';

jest.setTimeout(120_000);

const BROKERS = ['127.0.0.1:9092'];
const citizen = { phoneLast4: '1234' };
const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-10T01:00:00.000Z');
const iso = (hours: number): string => new Date(T0 + hours * HOUR).toISOString();

/** A view with its timeline entry at a chosen moment (hours after T0). */
function at(view: ChangedData, hours: number): ChangedData {
  return { ...view, entry: { ...view.entry, at: iso(hours) } };
}

const met = (kind: string): ChangedData['deadlines'][number] => ({
  kind,
  dueAt: iso(200),
  rule: 'calendar-days',
  explanation: 'test',
  status: 'met',
});
const breached = (kind: string): ChangedData['deadlines'][number] => ({
  kind,
  dueAt: iso(24),
  rule: 'calendar-days',
  explanation: 'test',
  status: 'breached',
});

describe('oversight indicators from the lifecycle stream (real PostgreSQL, Redis, Kafka)', () => {
  const tag = uniqueTag('ovs');
  let auth: TestAuthority;
  let oversight: RunningService<OversightEnv>;
  let stream: WorkOrderStreamFixture;
  let province: string;
  // Jinan (370102 历下区, 370103 市中区) and Linyi (371324 兰陵县): three platforms, three handlers.
  const received = { receivedAt: iso(0) };
  // Case codes issued 2 and 4 minutes after submission (a, b); the other views carry no registeredAt.
  const a = new WorkOrderScript({
    citizen,
    ...received,
    registeredAt: new Date(T0 + 2 * 60_000).toISOString(),
    regionCode: '370102001',
    serviceType: 'legal-aid',
    originPlatform: 'hotline',
    platforms: ['hotline'],
  });
  const b = new WorkOrderScript({
    citizen,
    ...received,
    registeredAt: new Date(T0 + 4 * 60_000).toISOString(),
    regionCode: '370103001',
    serviceType: 'mediation',
    originPlatform: 'portal',
    platforms: ['portal'],
  });
  const c = new WorkOrderScript({
    citizen,
    ...received,
    regionCode: '371324101',
    serviceType: 'notarization',
    originPlatform: 'centre',
    platforms: ['centre'],
  });
  const d = new WorkOrderScript({
    citizen,
    ...received,
    regionCode: '370102002',
    serviceType: 'legal-aid',
    originPlatform: 'portal',
    platforms: ['portal', 'hotline'],
  });
  const complaint = new WorkOrderScript({
    citizen,
    ...received,
    regionCode: '370102001',
    serviceType: 'complaint',
    originPlatform: 'portal',
    platforms: ['portal'],
  });
  const thisMonth = new WorkOrderScript({
    citizen,
    receivedAt: new Date().toISOString(),
    regionCode: '370102001',
    serviceType: 'legal-aid',
    originPlatform: 'hotline',
    platforms: ['hotline'],
  });

  beforeAll(async () => {
    auth = await TestAuthority.create();
    oversight = await startService(
      oversightService,
      isolatedOverrides(tag, 'oversight', { ...auth.env, MONTHLY_REPORT_CHECK_INTERVAL_MS: 0 }),
    );
    stream = await WorkOrderStreamFixture.connect(tag, BROKERS);
    province = await auth.bearer({ roles: ['supervisor'], region: '370000' });
    const send = async (view: ChangedData): Promise<void> => void (await stream.changed(view));
    // a: legal aid, offered after 2 h, accepted after 4 h, decision met, resolved, evaluated 5.
    await send(at(a.next('received', { deadlines: [] }, 'received'), 0));
    await send(
      at(
        a.next(
          'offered',
          { organisationId: 'org-370102-legal-aid', organisationName: '历下区法律援助中心', handler: 'legal-aid' },
          'offered',
        ),
        2,
      ),
    );
    await send(at(a.next('accepted', {}, 'offer-accepted'), 4));
    await send(at(a.next('resolved', { deadlines: [met('legal-aid-decision')] }, 'resolved'), 30));
    // b: mediation, routed by fallback (triage), offered at 6 h, accepted at 8 h, mediation term breached, 督办 issued.
    await send(at(b.next('triage', {}, 'sent-to-triage'), 0));
    await send(at(b.next('offered', { organisationId: 'org-370103-mediation', handler: 'mediation' }, 'offered'), 6));
    await send(at(b.next('accepted', {}, 'offer-accepted'), 8));
    await send(at(b.next('in-progress', { deadlines: [breached('mediation-term')] }, 'deadline-overdue'), 40));
    await send(at(b.next('in-progress', {}, 'supervision-order-issued', 'supervisor'), 41));
    // c: notarization, offered at 1 h, accepted at 3 h, certificate met, resolved, evaluated 2, reopened.
    await send(at(c.next('received', {}, 'received'), 0));
    await send(at(c.next('offered', { organisationId: 'org-371324-notary', handler: 'notarization' }, 'offered'), 1));
    await send(at(c.next('accepted', {}, 'offer-accepted'), 3));
    await send(at(c.next('resolved', { deadlines: [met('notarization-certificate')] }, 'resolved'), 50));
    await send(at(c.next('reopened', {}, 'reopened', 'citizen'), 60));
    // d: legal aid in the supervisor queue, never dispatched.
    await send(at(d.next('supervisor-queue', {}, 'sent-to-supervisor-queue'), 0));
    // A complaint against the mediation committee; a work order of the current month, outside November 2026.
    await send(
      at(
        complaint.next(
          'received',
          { complaintAgainstOrganisationId: 'org-370103-mediation', handler: 'supervision' },
          'received',
        ),
        0,
      ),
    );
    await send(at(thisMonth.next('received'), 0));
    // Handler outcomes on legal.handler.report: a granted on an exempt category; b's agreement, whose judicial
    // confirmation the court rejected; this month's work order denied.
    const report = (type: string, s: WorkOrderScript, hours: number, data: Record<string, unknown>) =>
      stream.send(TOPICS.handlerReport.name, type, s.workOrderId, {
        workOrderId: s.workOrderId,
        handlerCaseId: `case-${s.caseCode}`,
        at: iso(hours),
        ...data,
      });
    const step = (handler: string, name: string, details: Record<string, string>) => ({
      handler,
      step: name,
      detail: name,
      deadlines: [],
      details,
    });
    await report(
      Progressed.type,
      a,
      20,
      step('legal-aid', 'aid-granted', { aidDecision: 'granted', exemptCategory: 'minor' }),
    );
    await report(Resolved.type, b, 45, {
      handler: 'mediation',
      outcome: 'agreement-reached',
      summary: 'agreed',
      details: { mediationOutcome: 'agreement-reached' },
    });
    await report(
      Progressed.type,
      b,
      50,
      step('mediation', 'judicial-confirmation-decided', { judicialConfirmation: 'rejected' }),
    );
    await report(Resolved.type, thisMonth, 1, {
      handler: 'legal-aid',
      outcome: 'aid-denied',
      summary: 'denied',
      details: { aidDecision: 'denied' },
    });
    // Callbacks (回访): a's completed in time, c's late.
    const callback = (s: WorkOrderScript, due: number, done: number) =>
      stream.send(TOPICS.feedback.name, CallbackCompleted.type, s.workOrderId, {
        callbackId: randomUUID(),
        workOrderId: s.workOrderId,
        caseCode: s.caseCode,
        reason: 'evaluation-due',
        raisedAt: iso(due - 48),
        dueAt: iso(due),
        completedAt: iso(done),
        outcome: 'evaluation-recorded',
      });
    await callback(a, 80, 40);
    await callback(c, 100, 110);
    const evaluation = (s: WorkOrderScript, score: number, hours: number) =>
      stream.send(TOPICS.feedback.name, EvaluationSubmitted.type, s.workOrderId, {
        evaluationId: randomUUID(),
        workOrderId: s.workOrderId,
        caseCode: s.caseCode,
        score,
        platform: 'portal',
        submittedAt: iso(hours),
      });
    await waitUntil(
      async () => {
        const res = await request(oversight.url)
          .get('/indicators')
          .query({ period: '2026-11-10' })
          .set('authorization', province);
        const figure = (res.body.indicators as { code: string; numerator: number }[] | undefined)?.find(
          (i) => i.code === 'supervision-orders',
        );
        const confirmation = (res.body.indicators as { code: string; denominator: number }[] | undefined)?.find(
          (i) => i.code === 'judicial-confirmation-rate',
        );
        const grant = (res.body.indicators as { code: string; numerator: number }[] | undefined)?.find(
          (i) => i.code === 'legal-aid-grant-rate',
        );
        const callbacks = (res.body.indicators as { code: string; denominator: number }[] | undefined)?.find(
          (i) => i.code === 'callback-timeliness',
        );
        return res.body.indicators?.[0]?.value === 5 &&
          figure?.numerator === 1 &&
          confirmation?.denominator === 1 &&
          grant?.numerator === 1 &&
          callbacks?.denominator === 2
          ? true
          : undefined;
      },
      60_000,
      "five November work orders, the 督办 and the handlers' outcomes in the read model",
    );
    await evaluation(a, 5, 31);
    await evaluation(c, 2, 51);
    await waitUntil(
      async () => {
        const res = await request(oversight.url)
          .get('/indicators')
          .query({ period: '2026-11' })
          .set('authorization', province);
        return (
          (res.body.indicators as { code: string; denominator: number }[]).find((i) => i.code === 'satisfaction')
            ?.denominator === 2 || undefined
        );
      },
      60_000,
      'two evaluations',
    );
  });

  afterAll(async () => {
    await stream?.close();
    await oversight?.stop();
  });

  const figures = async (
    token: string,
    query: Record<string, string>,
  ): Promise<Record<string, { value: number | null; numerator: number; denominator: number | null }>> => {
    const res = await request(oversight.url).get('/indicators').query(query).set('authorization', token).expect(200);
    return Object.fromEntries(
      (
        res.body.indicators as { code: string; value: number | null; numerator: number; denominator: number | null }[]
      ).map((i) => [i.code, i]),
    );
  };

  it('computes the exact indicator values of the province for November', async () => {
    const f = await figures(province, { period: '2026-11' });
    expect(f.intakes.value).toBe(5);
    expect([f['share-hotline'].value, f['share-portal'].value, f['share-centre'].value]).toEqual([20, 60, 20]);
    expect(f['hours-to-dispatch']).toMatchObject({ code: 'hours-to-dispatch', value: 3, numerator: 9, denominator: 3 });
    expect(f['hours-to-acceptance'].value).toBe(5);
    expect(f['routing-fallback-rate'].value).toBe(20);
    expect(f['supervisor-queue-rate'].value).toBe(20);
    expect(f['deadlines-met']).toMatchObject({ value: 66.67, numerator: 2, denominator: 3 });
    expect(f.overdue.value).toBe(1);
    expect(f['supervision-orders'].value).toBe(1);
    expect(f['supervision-resolved'].value).toBe(0);
    expect(f.satisfaction).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(f['reopen-rate']).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(f['complaint-rate']).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
    expect(f['notarization-in-term'].value).toBe(100);
    expect(f['legal-aid-decision-in-term'].value).toBe(100);
    expect(f['mediation-on-term'].value).toBe(0);
    expect(f['legal-aid-per-100k']).toMatchObject({ numerator: 1, denominator: 101_527_453 });
    const current = await figures(province, { period: shanghaiMonth(new Date()) });
    expect(current.intakes.value).toBe(1);
    expect(current['legal-aid-grant-rate']).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });

  it("measures time to case code, the handlers' outcomes, callback timeliness and the hotline's 7x24 coverage (province level only)", async () => {
    const f = await figures(province, { period: '2026-11' });
    expect(f['minutes-to-case-code']).toMatchObject({ value: 3, numerator: 6, denominator: 2, unit: '分钟' });
    expect(f['legal-aid-grant-rate']).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(f['legal-aid-exempt-share']).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(f['mediation-agreement-rate']).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(f['judicial-confirmation-rate']).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(f['callback-timeliness']).toMatchObject({ value: 50, numerator: 1, denominator: 2, measurable: true });
    // No roster coverage was published for November: its 30 days count as uncovered (province level only).
    expect(f['hotline-coverage']).toMatchObject({ value: 0, numerator: 0, denominator: 30 * 1440, measurable: true });
    const jinan = await figures(province, { period: '2026-11', region: '370100' });
    expect(jinan['hotline-coverage']).toMatchObject({ value: null, denominator: 0 });
    expect(jinan['mediation-agreement-rate'].denominator).toBe(1);
    expect(jinan['minutes-to-case-code'].value).toBe(3);
    const drill = async (code: string): Promise<unknown> =>
      (
        await request(oversight.url)
          .get(`/indicators/${code}/work-orders`)
          .query({ period: '2026-11' })
          .set('authorization', province)
          .expect(200)
      ).body;
    expect(await drill('legal-aid-grant-rate')).toMatchObject({ total: 1, caseCodes: [a.caseCode] });
    expect(await drill('mediation-agreement-rate')).toMatchObject({ total: 1, caseCodes: [b.caseCode] });
    expect(await drill('judicial-confirmation-rate')).toMatchObject({ total: 0, caseCodes: [] });
    expect(await drill('hotline-coverage')).toMatchObject({ total: 0, caseCodes: [] });
    expect(await drill('callback-timeliness')).toMatchObject({ total: 1, caseCodes: [a.caseCode] });
  });

  it('ranks the organisations by deadlines met, within the jurisdiction', async () => {
    const res = await request(oversight.url)
      .get('/indicators/deadlines-met/organisations')
      .query({ period: '2026-11' })
      .set('authorization', province)
      .expect(200);
    expect(res.body.rows).toEqual([
      {
        rank: 1,
        organisation: { id: 'org-370102-legal-aid', name: '历下区法律援助中心' },
        value: 100,
        numerator: 1,
        denominator: 1,
      },
      { rank: 2, organisation: { id: 'org-371324-notary', name: null }, value: 100, numerator: 1, denominator: 1 },
      { rank: 3, organisation: { id: 'org-370103-mediation', name: null }, value: 0, numerator: 0, denominator: 1 },
    ]);
    const lanling = await auth.bearer({ roles: ['supervisor'], region: '371324' });
    const own = await request(oversight.url)
      .get('/indicators/deadlines-met/organisations')
      .query({ period: '2026-11' })
      .set('authorization', lanling)
      .expect(200);
    expect(own.body.rows.map((r: { organisation: { id: string } }) => r.organisation.id)).toEqual([
      'org-371324-notary',
    ]);
    await request(oversight.url)
      .get('/indicators/deadlines-met/organisations')
      .query({ period: '2026-11', region: '370100' })
      .set('authorization', lanling)
      .expect(403);
  });

  it('ranks the service types by deadlines met, within the jurisdiction', async () => {
    const res = await request(oversight.url)
      .get('/indicators/deadlines-met/service-types')
      .query({ period: '2026-11' })
      .set('authorization', province)
      .expect(200);
    expect(res.body.rows).toEqual([
      { rank: 1, serviceType: { code: 'legal-aid', nameZh: '法律援助' }, value: 100, numerator: 1, denominator: 1 },
      { rank: 2, serviceType: { code: 'notarization', nameZh: '公证' }, value: 100, numerator: 1, denominator: 1 },
      { rank: 3, serviceType: { code: 'mediation', nameZh: '人民调解' }, value: 0, numerator: 0, denominator: 1 },
      // The complaint has no legal deadline: no value, ranked last.
      { rank: 4, serviceType: { code: 'complaint', nameZh: '服务投诉' }, value: null, numerator: 0, denominator: 0 },
    ]);
    const lanling = await auth.bearer({ roles: ['supervisor'], region: '371324' });
    const own = await request(oversight.url)
      .get('/indicators/deadlines-met/service-types')
      .query({ period: '2026-11' })
      .set('authorization', lanling)
      .expect(200);
    expect(own.body.rows.map((r: { serviceType: { code: string } }) => r.serviceType.code)).toEqual(['notarization']);
    await request(oversight.url)
      .get('/indicators/deadlines-met/service-types')
      .query({ period: '2026-11', region: '370100' })
      .set('authorization', lanling)
      .expect(403);
  });

  it('computes legal-aid cases per 100,000 for the province and each city from the census table, none for a county', async () => {
    // One legal-aid work order accepted in November, in 历下区 (Jinan); November has 30 days.
    const f = await figures(province, { period: '2026-11' });
    expect(f['legal-aid-per-100k']).toMatchObject({
      value: 0.001,
      annualised: 0.012,
      numerator: 1,
      denominator: 101_527_453,
      measurable: true,
    });
    const jinan = await figures(province, { period: '2026-11', region: '370100' });
    expect(jinan['legal-aid-per-100k']).toMatchObject({
      value: 0.0109,
      annualised: 0.1322,
      numerator: 1,
      denominator: 9_202_432,
    });
    const lixia = await figures(province, { period: '2026-11', region: '370102' });
    expect(lixia['legal-aid-per-100k']).toMatchObject({
      value: null,
      numerator: 1,
      denominator: null,
      measurable: false,
      reason: 'needs county population data',
    });
    const res = await request(oversight.url)
      .get('/indicators/legal-aid-per-100k/ranking')
      .query({ period: '2026-11' })
      .set('authorization', province)
      .expect(200);
    expect(res.body.rows).toHaveLength(16);
    expect(res.body.rows[0]).toEqual({
      rank: 1,
      region: { code: '370100', name: '济南市' },
      value: 0.0109,
      annualised: 0.1322,
      numerator: 1,
      denominator: 9_202_432,
    });
    expect(res.body.rows[1]).toMatchObject({ rank: 2, region: { code: '370200' }, value: 0, denominator: 10_071_722 });
    const counties = await request(oversight.url)
      .get('/indicators/legal-aid-per-100k/ranking')
      .query({ period: '2026-11', region: '370100' })
      .set('authorization', province)
      .expect(200);
    expect(counties.body.rows.find((r: { region: { code: string } }) => r.region.code === '370102')).toMatchObject({
      value: null,
      numerator: 1,
      reason: 'needs county population data',
    });
  });

  it("exposes the current month's indicators per region to Prometheus for the province overview", async () => {
    const res = await request(oversight.url).get('/metrics').expect(200);
    expect(res.text).toMatch(/^oversight_indicator_value\{indicator="intakes",region="370000"[^}]*\} 1$/m);
    expect(res.text).toMatch(/^oversight_indicator_value\{indicator="intakes",region="370100"[^}]*\} 1$/m);
    expect(res.text).not.toMatch(/^oversight_indicator_value\{indicator="intakes",region="371300"/m);
  });

  it('ranks the cities under the province and drills down to the case codes behind a figure', async () => {
    const res = await request(oversight.url)
      .get('/indicators/intakes/ranking')
      .query({ period: '2026-11' })
      .set('authorization', province)
      .expect(200);
    const rows = res.body.rows as { rank: number; region: { code: string; name: string }; value: number }[];
    expect(rows.slice(0, 2)).toEqual([
      { rank: 1, region: { code: '370100', name: '济南市' }, value: 4, numerator: 4, denominator: null },
      { rank: 2, region: { code: '371300', name: '临沂市' }, value: 1, numerator: 1, denominator: null },
    ]);
    expect(rows).toHaveLength(16);
    const drill = await request(oversight.url)
      .get('/indicators/overdue/work-orders')
      .query({ period: '2026-11' })
      .set('authorization', province)
      .expect(200);
    expect(drill.body).toMatchObject({ total: 1, caseCodes: [b.caseCode] });
    const share = await request(oversight.url)
      .get('/indicators/share-portal/work-orders')
      .query({ period: '2026-11', region: '370100' })
      .set('authorization', province)
      .expect(200);
    expect((share.body.caseCodes as string[]).sort()).toEqual([b.caseCode, d.caseCode, complaint.caseCode].sort());
  });

  it('shows a county supervisor its own county and refuses another county', async () => {
    const lanling = await auth.bearer({ roles: ['supervisor'], region: '371324' });
    const own = await figures(lanling, { period: '2026-11' });
    expect(own.intakes.value).toBe(1);
    const other = await request(oversight.url)
      .get('/indicators')
      .query({ period: '2026-11', region: '370102' })
      .set('authorization', lanling)
      .expect(403);
    expect(other.body.code).toBe('out-of-jurisdiction');
    await request(oversight.url)
      .get('/indicators/intakes/work-orders')
      .query({ period: '2026-11', region: '370100' })
      .set('authorization', lanling)
      .expect(403);
    const city = await auth.bearer({ roles: ['supervisor'], region: '370100' });
    expect((await figures(city, { period: '2026-11', region: '370102' })).intakes.value).toBe(3);
    const clerk = await auth.bearer({ roles: ['centre-clerk'], region: '370000' });
    await request(oversight.url)
      .get('/indicators')
      .query({ period: '2026-11' })
      .set('authorization', clerk)
      .expect(403);
  });

  it('renders charts with Chinese labels, exports the same figures to XLSX and CSV, and writes the monthly PDF', async () => {
    // Set OVERSIGHT_TEST_ARTEFACTS to a folder to keep the PNGs and the PDF for a look.
    const dir = process.env.OVERSIGHT_TEST_ARTEFACTS ?? mkdtempSync(path.join(tmpdir(), 'oversight-'));
    const svg = await request(oversight.url)
      .get('/charts/ranking')
      .query({ period: '2026-11' })
      .set('authorization', province)
      .expect(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(String(svg.body instanceof Buffer ? svg.body.toString('utf8') : svg.text)).toContain('济南市');
    for (const kind of ['trend', 'ranking', 'platform-share', 'deadline-compliance']) {
      const png = await request(oversight.url)
        .get(`/charts/${kind}`)
        .query({ period: '2026-11', format: 'png' })
        .set('authorization', province)
        .responseType('blob')
        .expect(200);
      expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
      writeFileSync(path.join(dir, `${kind}.png`), png.body as Buffer);
    }
    const xlsx = await request(oversight.url)
      .get('/exports/indicators')
      .query({ period: '2026-11', format: 'xlsx' })
      .set('authorization', province)
      .responseType('blob')
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标')!;
    const byCode = new Map<string, unknown[]>();
    sheet.eachRow((row) => {
      const v = row.values as unknown[];
      byCode.set(String(v[1]), v);
    });
    expect(byCode.get('intakes')?.[5]).toBe(5);
    expect(byCode.get('satisfaction')?.slice(2, 6)).toEqual(['好评率', undefined, '%', 50]);
    const csv = await request(oversight.url)
      .get('/exports/indicators')
      .query({ period: '2026-11', format: 'csv' })
      .set('authorization', province)
      .expect(200);
    expect(csv.text).toContain('deadlines-met,时限达标率,,%,66.67,2,3,');
    expect(csv.text).toContain(
      'legal-aid-per-100k,每十万人法律援助案件数,14,件/10万人,0.001,1,101527453,260,0.012,\r\n',
    );
    const county = await request(oversight.url)
      .get('/exports/indicators')
      .query({ period: '2026-11', region: '370102', format: 'csv' })
      .set('authorization', province)
      .expect(200);
    expect(county.text).toContain(',1,,260,,needs county population data\r\n');
    const pdf = await request(oversight.url)
      .get('/reports/monthly/2026-11')
      .query({ region: '370000' })
      .set('authorization', province)
      .responseType('blob')
      .expect(200);
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('山东省公共法律服务质效月报');
    expect(text).toMatch(/好评率\s*：\s*50%/);
    expect(text).toMatch(/受理请求数\s*：\s*5 件/);
    expect(text).toMatch(/法律援助准予率\s*：\s*100%/);
    expect(text).toMatch(/平均赋码时长\s*：\s*3分钟/);
    expect(text).toContain(b.caseCode);
  });

  it("builds last month's province report once from the first of the month on, and serves the kept one", async () => {
    const reports = oversight.app.get(MonthlyReportsService);
    const firstOfNovember = new Date('2026-10-31T16:30:00.000Z'); // 00:30 on 1 November, Asia/Shanghai
    expect(await reports.ensureLastMonth(new Date('2026-10-31T15:30:00.000Z'))).toBe('2026-09'); // still 31 October
    expect(await reports.ensureLastMonth(firstOfNovember)).toBe('2026-10');
    expect(await reports.ensureLastMonth(new Date('2026-11-15T00:00:00.000Z'))).toBeUndefined();
    const kept = await reports.kept('2026-10', '370000');
    expect(kept?.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
