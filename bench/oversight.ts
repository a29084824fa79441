// Oversight on a synthetic year of Shandong: ~2.6 million work orders over its counties loaded into the read model
// with one INSERT ... SELECT generate_series, then over HTTP the p95 of an indicator query for the province, a city
// and a county (a month, and the whole year for the province), and the time to build the monthly report (PDF).
//   node -r ./test/swc-register.js bench/oversight.ts        (BENCH_WORK_ORDERS, default 2600000; BENCH_QUERIES, 20)
// Needs PostgreSQL, Redis and the Kafka broker (the service starts its consumers); leaves nothing behind.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { shandongRegions } from '@legal/domain';
import { startService } from '@legal/service-kit';
import { isolatedOverrides, TestAuthority, uniqueTag } from '@legal/testing';
import { Client } from 'pg';
import { rollupFillSql } from '../services/oversight/src/facts/fact-measures';
import { oversightService } from '../services/oversight/src/oversight.definition';
import { machineInfo, machineLine } from './lib/machine';
import { table } from './lib/markdown';
import { RESULTS_DIR } from './lib/results';
import { percentile, round } from './lib/stats';

const WORK_ORDERS = Number(process.env.BENCH_WORK_ORDERS ?? 2_600_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 20);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const out = await work();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

/** Work orders spread over every county by a fixed pseudo-random draw; deadlines for six in ten of them. */
async function load(client: Client, schema: string, counties: string[]): Promise<{ facts: number; deadlines: number }> {
  const s = `"${schema}"`;
  await client.query(
    `CREATE TEMP TABLE bench_county AS
    SELECT (ord - 1)::int AS i, code FROM unnest($1::text[]) WITH ORDINALITY AS t(code, ord)`,
    [counties],
  );
  // A bulk load: the roll-up triggers are off, and the roll-ups are filled after with one INSERT ... SELECT GROUP BY.
  await client.query(`ALTER TABLE ${s}.work_order_fact DISABLE TRIGGER work_order_fact_rollup`);
  await client.query(`ALTER TABLE ${s}.deadline_fact DISABLE TRIGGER deadline_fact_rollup`);
  await client.query(
    `
    INSERT INTO ${s}.work_order_fact (work_order_id, case_code, version, status, service_type, region_code, city_code,
      county_code, origin_platform, platform_count, organisation_id, handler, received_at, dispatched_at, accepted_at,
      resolved_at, routing_fallback, supervisor_queue, reopen_count, duplicate, related, supervised,
      supervision_resolved, evaluation_score, evaluated_at, updated_at)
    SELECT md5(n::text)::uuid, c.code || '-2026-' || n, 4,
      (ARRAY['resolved','closed','in-progress','accepted'])[1 + n % 4],
      (ARRAY['legal-consultation','legal-consultation','legal-consultation','legal-aid','mediation','notarization',
        'duty-lawyer','notified-defence','judicial-appraisal','complaint'])[1 + (n / 7) % 10],
      c.code || '001', left(c.code, 4) || '00', c.code,
      (ARRAY['hotline','hotline','portal','portal','centre'])[1 + n % 5], 1 + (n % 11 = 0)::int,
      'org-' || c.code || '-x', 'legal-aid', r, r + interval '1 hour' * (n % 9), r + interval '1 hour' * (n % 13),
      CASE WHEN n % 4 < 2 THEN r + interval '1 day' * (1 + n % 20) END,
      n % 50 = 0, n % 70 = 0, (n % 90 = 0)::int, n % 40 = 0, n % 30 = 0, n % 200 = 0, n % 400 = 0,
      CASE WHEN n % 3 = 0 THEN 1 + n % 5 END, CASE WHEN n % 3 = 0 THEN r + interval '25 days' END, now()
    FROM generate_series(1, $1::int) AS n
    CROSS JOIN LATERAL (SELECT timestamptz '2025-12-31 16:00:00+00' + interval '1 second' * ((n::bigint * 7919) % 31536000) AS r) t
    JOIN bench_county c ON c.i = (n * 2654435761::bigint % $2::bigint)::int`,
    [WORK_ORDERS, counties.length],
  );
  await client.query(`
    INSERT INTO ${s}.deadline_fact (work_order_id, kind, due_at, status, received_at, region_code, city_code, county_code)
    SELECT f.work_order_id,
      CASE f.service_type WHEN 'mediation' THEN 'mediation-term' WHEN 'notarization' THEN 'notarization-certificate'
        WHEN 'legal-aid' THEN 'legal-aid-decision' ELSE 'callback' END,
      f.received_at + interval '7 days',
      (ARRAY['met','met','met','met','met','met','met','breached','running','cancelled'])[1 + abs(hashtext(f.case_code)) % 10],
      f.received_at, f.region_code, f.city_code, f.county_code
    FROM ${s}.work_order_fact f WHERE abs(hashtext(f.case_code)) % 10 < 6`);
  for (const sql of rollupFillSql(schema)) await client.query(sql);
  await client.query(`ALTER TABLE ${s}.work_order_fact ENABLE TRIGGER work_order_fact_rollup`);
  await client.query(`ALTER TABLE ${s}.deadline_fact ENABLE TRIGGER deadline_fact_rollup`);
  for (const t of ['work_order_fact', 'deadline_fact', 'daily_rollup', 'daily_deadline_rollup']) {
    await client.query(`ANALYZE ${s}.${t}`);
  }
  const [{ facts }] = (await client.query(`SELECT count(*)::int AS facts FROM ${s}.work_order_fact`)).rows as {
    facts: number;
  }[];
  const [{ deadlines }] = (await client.query(`SELECT count(*)::int AS deadlines FROM ${s}.deadline_fact`)).rows as {
    deadlines: number;
  }[];
  return { facts, deadlines };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const tag = uniqueTag('bovs');
  const auth = await TestAuthority.create();
  const overrides = isolatedOverrides(tag, 'oversight', {
    ...auth.env,
    NODE_ENV: 'development',
    MONTHLY_REPORT_CHECK_INTERVAL_MS: 0,
    LOG_LEVEL: 'warn',
    // As the integration tests connect (test/setup-env.ts): the run's topics are prefixed, not provisioned per service.
    KAFKA_SASL_USERNAME: process.env.KAFKA_SASL_USERNAME ?? 'admin',
    KAFKA_SASL_PASSWORD: process.env.KAFKA_SASL_PASSWORD ?? process.env.KAFKA_ADMIN_PASSWORD ?? 'dev-kafka-admin',
  });
  const schema = String(overrides.DB_SCHEMA);
  const service = await startService(oversightService, overrides);
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const counties = shandongRegions()
      .counties()
      .map((r) => r.code);
    const [loaded, loadMs] = await timed(() => load(client, schema, counties));
    const token = `Bearer ${await auth.token({ roles: ['supervisor'], region: '370000' })}`;
    const get = async (url: string): Promise<Response> => {
      const res = await fetch(`${service.url}${url}`, { headers: { authorization: token } });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res;
    };
    const cases = [
      { name: 'province, month', query: '/indicators?period=2026-11&region=370000' },
      { name: 'city (临沂), month', query: '/indicators?period=2026-11&region=371300' },
      { name: 'county (兰陵), month', query: '/indicators?period=2026-11&region=371324' },
      { name: 'province, year', query: '/indicators?period=2026&region=370000' },
      { name: 'ranking of the cities, month', query: '/indicators/satisfaction/ranking?period=2026-11&region=370000' },
    ];
    const rows: { name: string; n: number; p50: number; p95: number; max: number; intakes?: number }[] = [];
    for (const c of cases) {
      const times: number[] = [];
      let intakes: number | undefined;
      for (let i = 0; i < QUERIES; i++) {
        const [body, ms] = await timed(
          async () => (await get(c.query)).json() as Promise<{ indicators?: { value: number }[] }>,
        );
        times.push(ms);
        intakes = body.indicators?.[0]?.value;
      }
      times.sort((a, b) => a - b);
      rows.push({
        name: c.name,
        n: QUERIES,
        p50: round(percentile(times, 50), 1),
        p95: round(percentile(times, 95), 1),
        max: round(times[times.length - 1], 1),
        intakes,
      });
    }
    const [pdf, reportMs] = await timed(async () =>
      Buffer.from(await (await get('/reports/monthly/2026-11?region=370000')).arrayBuffer()),
    );
    const md = [
      `Synthetic year 2026: ${loaded.facts.toLocaleString('en')} work orders over ${counties.length} counties, ` +
        `${loaded.deadlines.toLocaleString('en')} deadlines; loaded (INSERT ... SELECT generate_series, roll-ups by INSERT ... SELECT GROUP BY, ANALYZE) in ` +
        `${round(loadMs / 1000, 1)} s.`,
      '',
      table(
        ['query (GET /indicators over HTTP)', 'n', 'p50 ms', 'p95 ms', 'max ms', 'intakes'],
        rows.map((r) => [r.name, r.n, r.p50, r.p95, r.max, r.intakes ?? '']),
      ),
      '',
      `Monthly report 2026-11 for the province (indicators of two months, ten most overdue, four charts, PDF of ` +
        `${Math.round(pdf.length / 1024)} KiB): built in ${round(reportMs / 1000, 2)} s.`,
    ].join('\n');
    writeFileSync(
      path.join(RESULTS_DIR, 'oversight.json'),
      `${JSON.stringify(
        {
          benchmark: 'oversight',
          machine,
          workOrders: loaded.facts,
          deadlines: loaded.deadlines,
          loadMs: Math.round(loadMs),
          queries: rows,
          monthlyReportMs: Math.round(reportMs),
          monthlyReportBytes: pdf.length,
        },
        null,
        2,
      )}\n`,
    );
    writeFileSync(path.join(RESULTS_DIR, 'oversight.md'), `# oversight\n\nMachine: ${machineLine(machine)}\n\n${md}\n`);
    process.stdout.write(`${md}\n`);
  } finally {
    await service.stop();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
