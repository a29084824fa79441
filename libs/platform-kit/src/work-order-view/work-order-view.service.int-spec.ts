import type { Deadline, EventData, WorkOrderChanged } from '@legal/contracts';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import { sentStatements, uniqueTag } from '@legal/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import { platformKitEntities } from '../entities';
import { platformKitMigrations } from '../migrations';
import { WorkOrderView } from './work-order-view.entity';
import { WorkOrderViewService } from './work-order-view.service';

type Changed = EventData<typeof WorkOrderChanged>;

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
let code = 100000 + Math.floor(Math.random() * 800000);

function changed(overrides: Partial<Changed> = {}): Changed {
  code += 1;
  return {
    workOrderId: randomUUID(),
    caseCode: `371324-20261128-${code}-X`,
    version: 1,
    status: 'received',
    serviceType: 'legal-aid',
    regionCode: '371324101',
    originPlatform: 'hotline',
    platforms: ['hotline'],
    deadlines: [],
    receivedAt: '2026-11-28T02:00:00.000Z',
    entry: { seq: 1, at: '2026-11-28T02:00:00.000Z', action: 'intake-registered', actorRole: 'system' },
    citizen: {},
    ...overrides,
  };
}

const deadline = (dueAt: string, status: Deadline['status'] = 'running'): Deadline => ({
  kind: 'legal-aid-decision',
  dueAt,
  rule: 'calendar-days',
  explanation: '7 days',
  status,
});

describe('WorkOrderViewService (real PostgreSQL)', () => {
  const schema = uniqueTag('pkview');
  let dataSource: DataSource;
  let views: WorkOrderViewService;
  const apply = (data: Changed): Promise<WorkOrderView | undefined> =>
    dataSource.transaction((m) => views.apply(m, data));

  beforeAll(async () => {
    await ensureDatabaseAndSchema(url, schema);
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema,
      poolSize: 3,
      applicationName: 'pk-view-test',
      entities: platformKitEntities,
      migrations: platformKitMigrations,
      migrationsRun: true,
    });
    dataSource = new DataSource(options as DataSourceOptions);
    await dataSource.initialize();
    views = new WorkOrderViewService(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropSchema(url, schema);
  });

  it('keeps the newest version, merges every timeline entry once in seq order, and skips older versions', async () => {
    const v1 = changed();
    const v2 = changed({
      workOrderId: v1.workOrderId,
      caseCode: v1.caseCode,
      version: 2,
      status: 'accepted',
      previousStatus: 'received',
      organisationId: 'org-a',
      entry: { seq: 2, at: '2026-11-28T03:00:00.000Z', action: 'offer-accepted', actorRole: 'legal-aid-officer' },
    });
    const v3 = {
      ...v2,
      version: 3,
      status: 'in-progress' as const,
      entry: { seq: 3, at: '2026-11-28T04:00:00.000Z', action: 'progressed', actorRole: 'legal-aid-officer' },
    };
    expect(await apply(v1)).toBeDefined();
    expect(await apply(v3)).toBeDefined();
    expect(await apply(v2)).toBeUndefined(); // late, older: its entry is kept, its state is not
    expect(await apply(v3)).toBeUndefined(); // redelivered
    const view = await views.findById(v1.workOrderId);
    expect(view).toMatchObject({
      version: 3,
      status: 'in-progress',
      organisationId: 'org-a',
      updatedAt: new Date('2026-11-28T04:00:00.000Z'),
    });
    expect(view?.timeline.map((e) => [e.seq, e.status])).toEqual([
      [1, 'received'],
      [2, 'accepted'],
      [3, 'in-progress'],
    ]);
    expect((await views.findByCode(v1.caseCode))?.workOrderId).toBe(v1.workOrderId);
  });

  it('runs change listeners in the same transaction with the previous status, only when the view advanced', async () => {
    const seen: [string, string | undefined][] = [];
    let fail = false;
    views.onChange(async (view, previous, manager) => {
      seen.push([view.status, previous]);
      expect(manager.queryRunner?.isTransactionActive).toBe(true);
      if (fail) throw new Error('listener failed');
    });
    const v1 = changed();
    await apply(v1);
    await apply(v1);
    fail = true;
    const v2 = { ...v1, version: 2, status: 'resolved' as const, entry: { ...v1.entry, seq: 2 } };
    await expect(apply(v2)).rejects.toThrow('listener failed');
    expect((await views.findById(v1.workOrderId))?.status).toBe('received'); // rolled back with the listener
    fail = false;
    await apply(v2);
    expect(seen).toEqual([
      ['received', undefined],
      ['resolved', 'received'],
      ['resolved', 'received'],
    ]);
  });

  it('applies a change in one statement (issue 14): new, newer, older with a new entry, and repeated', async () => {
    const v1 = changed();
    const v2 = { ...v1, version: 2, status: 'accepted' as const, entry: { ...v1.entry, seq: 2 } };
    const v3 = { ...v1, version: 3, status: 'in-progress' as const, entry: { ...v1.entry, seq: 3 } };
    let listened: WorkOrderView | undefined;
    views.onChange(async (view) => {
      if (view.workOrderId === v1.workOrderId) listened = view;
    });
    for (const [data, advanced] of [
      [v1, true],
      [v3, true],
      [v2, false],
      [v2, false],
    ] as const) {
      const { result, statements } = await sentStatements(dataSource, (m) => views.apply(m, data));
      expect(result !== undefined).toBe(advanced);
      // Was a locked SELECT plus TypeORM's INSERT or UPDATE (2 statements); the COMMIT is the transaction's.
      // Prepared once per connection: PostgreSQL does not parse the long statement again for every change.
      expect(statements).toEqual([{ verb: 'WITH', prepared: true }]);
    }
    // The listener is given the view with the timeline as stored (merged in PostgreSQL), not just the new entry.
    expect(listened?.timeline.map((e) => e.seq)).toEqual([1, 3]);
    expect((await views.findById(v1.workOrderId))?.timeline.map((e) => [e.seq, e.status])).toEqual([
      [1, 'received'],
      [2, 'accepted'],
      [3, 'in-progress'],
    ]);
  });

  it('fails (to be retried) when another transaction creates the view meanwhile, as the insert did before', async () => {
    const v1 = changed();
    const v2 = { ...v1, version: 2, status: 'accepted' as const, entry: { ...v1.entry, seq: 2 } };
    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstApplied!: () => void;
    const firstHasApplied = new Promise<void>((resolve) => (firstApplied = resolve));
    const first = dataSource.transaction(async (m) => {
      await views.apply(m, v1);
      firstApplied();
      await firstMayCommit;
    });
    await firstHasApplied;
    // The second does not see the uncommitted row, and its insert waits for the first transaction's key.
    const second = apply(v2).then(
      () => 'applied',
      (e: Error) => e.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    commitFirst();
    await first;
    expect(await second).toMatch(/created concurrently/);
    expect((await views.findById(v1.workOrderId))?.version).toBe(1); // rolled back, nothing half-applied
    expect(await apply(v2)).toBeDefined(); // the retry applies it over the row the first one made
    expect((await views.findById(v1.workOrderId))?.timeline.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('searches by status, service type, region prefix, organisations, overdue and receipt time, with totals', async () => {
    const tagOrg = `org-${randomUUID().slice(0, 8)}`;
    const now = new Date('2026-12-10T00:00:00.000Z');
    const a = changed({
      organisationId: tagOrg,
      status: 'accepted',
      deadlines: [deadline('2026-12-05T15:59:59.999Z')],
      receivedAt: '2026-11-28T01:00:00.000Z',
    });
    const b = changed({
      organisationId: tagOrg,
      status: 'accepted',
      serviceType: 'mediation',
      regionCode: '370102001',
      deadlines: [deadline('2026-12-20T15:59:59.999Z')],
      receivedAt: '2026-11-29T01:00:00.000Z',
    });
    const c = changed({
      organisationId: tagOrg,
      status: 'resolved',
      deadlines: [deadline('2026-12-01T00:00:00.000Z', 'breached')],
      receivedAt: '2026-11-30T01:00:00.000Z',
    });
    for (const d of [a, b, c]) await apply(d);
    const ids = async (filter: Parameters<WorkOrderViewService['search']>[0]): Promise<string[]> =>
      (await views.search({ organisationIds: [tagOrg], now, ...filter })).items.map((v) => v.workOrderId);
    expect(await ids({ limit: 10, offset: 0 })).toEqual([c.workOrderId, b.workOrderId, a.workOrderId]);
    expect(await ids({ limit: 10, offset: 0, status: 'accepted' })).toEqual([b.workOrderId, a.workOrderId]);
    expect(await ids({ limit: 10, offset: 0, serviceType: ['mediation'] })).toEqual([b.workOrderId]);
    expect(await ids({ limit: 10, offset: 0, regionPrefix: '3713' })).toEqual([c.workOrderId, a.workOrderId]);
    expect(await ids({ limit: 10, offset: 0, overdue: true })).toEqual([c.workOrderId, a.workOrderId]);
    expect(await ids({ limit: 10, offset: 0, overdue: false })).toEqual([b.workOrderId]);
    expect(
      await ids({ limit: 10, offset: 0, from: new Date('2026-11-29T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') }),
    ).toEqual([b.workOrderId]);
    const page = await views.search({ organisationIds: [tagOrg], limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((v) => v.workOrderId)).toEqual([b.workOrderId]);
    expect((await views.search({ organisationIds: [], limit: 10, offset: 0 })).total).toBe(0);
  });

  it('lists a citizen’s work orders by user id or phone hash', async () => {
    const hash = randomUUID().replace(/-/g, '').padEnd(64, '0');
    const user = `citizen-${randomUUID().slice(0, 8)}`;
    const byPhone = changed({ citizen: { phoneHash: hash, phoneLast4: '5678' } });
    const byUser = changed({ citizen: { userId: user } });
    await apply(byPhone);
    await apply(byUser);
    expect((await views.listByPhoneHash(hash, { limit: 10, offset: 0 })).items.map((v) => v.workOrderId)).toEqual([
      byPhone.workOrderId,
    ]);
    expect((await views.listByCitizenUserId(user, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await views.listByCitizen({ userId: user, phoneHash: hash }, { limit: 10, offset: 0 })).total).toBe(2);
    expect((await views.listByCitizen({}, { limit: 10, offset: 0 })).total).toBe(0);
  });
});
