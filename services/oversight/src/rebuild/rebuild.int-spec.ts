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
import { Client } from 'pg';
import type { OversightEnv } from '../config/oversight.env';
import { oversightService } from '../oversight.definition';
import { main } from './rebuild.cli';

jest.setTimeout(180_000);

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-10T01:00:00.000Z');
const iso = (hours: number): string => new Date(T0 + hours * HOUR).toISOString();
const at = (view: ChangedData, hours: number): ChangedData => ({ ...view, entry: { ...view.entry, at: iso(hours) } });

interface FactRow {
  case_code: string;
  status: string;
  dispatched_at: Date | null;
  accepted_at: Date | null;
}

describe('oversight rebuild CLI: reset and replay from the topics (real PostgreSQL, Kafka)', () => {
  const tag = uniqueTag('ovr');
  let auth: TestAuthority;
  let oversight: RunningService<OversightEnv> | undefined;
  let stream: WorkOrderStreamFixture;
  let db: Client;
  const script = new WorkOrderScript({
    citizen: { phoneLast4: '1234' },
    receivedAt: iso(0),
    regionCode: '370102001',
    serviceType: 'legal-aid',
    originPlatform: 'hotline',
    platforms: ['hotline'],
  });
  const start = async (): Promise<RunningService<OversightEnv>> =>
    startService(
      oversightService,
      isolatedOverrides(tag, 'oversight', { ...auth.env, MONTHLY_REPORT_CHECK_INTERVAL_MS: 0 }),
    );
  const fact = async (): Promise<FactRow | undefined> => {
    const res = await db.query<FactRow>(
      `SELECT case_code, status, dispatched_at, accepted_at FROM "${oversight?.env.DB_SCHEMA ?? ''}".work_order_fact`,
    );
    return res.rows.length === 1 && res.rows[0]?.status === 'resolved' ? res.rows[0] : undefined;
  };

  beforeAll(async () => {
    auth = await TestAuthority.create();
    oversight = await start();
    db = new Client({ connectionString: oversight.env.DATABASE_URL });
    await db.connect();
    stream = await WorkOrderStreamFixture.connect(tag, ['127.0.0.1:9092']);
    // Dispatched at 2 h and accepted at 4 h: the resolved view alone would not tell these moments.
    await stream.changed(at(script.next('received', { deadlines: [] }, 'received'), 0));
    const org = { organisationId: 'org-370102-legal-aid', handler: 'legal-aid' as const };
    await stream.changed(at(script.next('offered', org, 'offered'), 2));
    await stream.changed(at(script.next('accepted', {}, 'offer-accepted'), 4));
    await stream.changed(at(script.next('resolved', {}, 'resolved'), 30));
  });

  afterAll(async () => {
    await stream?.close();
    await oversight?.stop();
    await db?.end();
  });

  it('refuses while oversight runs, then empties the facts and replays them with dispatch and acceptance times', async () => {
    const before = await waitUntil(fact, 60_000, 'the resolved work order in the read model');
    expect([before.dispatched_at?.toISOString(), before.accepted_at?.toISOString()]).toEqual([iso(2), iso(4)]);
    const schema = oversight?.env.DB_SCHEMA ?? '';
    const args = ['--topic-prefix', tag, '--schema', schema, '--database-url', oversight?.env.DATABASE_URL ?? ''];
    expect(await main(args)).toBe(3); // its consumer groups still have members

    await oversight?.stop();
    oversight = undefined;
    const out: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    let code: number;
    try {
      code = await main(args);
    } finally {
      write.mockRestore();
    }
    expect(code).toBe(0);
    const report = JSON.parse(out.join('')) as {
      groups: { group: string; partitionsReset: number }[];
      factRowsDeleted: Record<string, number>;
      inboxRowsDeleted: number;
    };
    const workOrderGroup = report.groups.find((g) => g.group === `${tag}.oversight.work-order-facts`);
    expect(workOrderGroup?.partitionsReset).toBeGreaterThan(0);
    expect(report.factRowsDeleted.work_order_fact).toBe(1);
    expect(report.inboxRowsDeleted).toBe(4);
    const left = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".work_order_fact`);
    expect(left.rows[0]?.n).toBe('0');

    oversight = await start();
    const after = await waitUntil(fact, 60_000, 'the work order replayed from the topic');
    expect(after.case_code).toBe(script.caseCode);
    expect([after.dispatched_at?.toISOString(), after.accepted_at?.toISOString()]).toEqual([iso(2), iso(4)]);
  });
});
