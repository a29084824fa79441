import { parseCaseCode } from '@legal/domain';
import { messagingEntities, messagingMigrations } from '@legal/messaging';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { DataSource } from 'typeorm';
import { WorkOrderMigrations } from '../migrations';
import { WorkOrderEntities } from '../work-order.entities';
import { CASE_CODE_MAX_BLOCK, CaseCodeService } from './case-code.service';

jest.setTimeout(60_000);

describe('case codes reserved in blocks by several instances at once', () => {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
  const schema = uniqueTag('wocode');
  const sources: DataSource[] = [];

  beforeAll(async () => {
    await ensureDatabaseAndSchema(url, schema);
    for (let i = 0; i < 2; i++) {
      const ds = new DataSource(
        buildDataSourceOptions({
          databaseUrl: url,
          schema,
          poolSize: 5,
          applicationName: `wocode-${i}`,
          entities: [...messagingEntities, ...WorkOrderEntities],
          migrations: [...messagingMigrations, ...WorkOrderMigrations],
          migrationsRun: i === 0,
        }),
      );
      await ds.initialize();
      sources.push(ds);
    }
  });

  const services: CaseCodeService[] = [];
  /** As Nest starts it: the reserving connection is taken at start-up. */
  const serviceOf = async (ds: DataSource): Promise<CaseCodeService> => {
    const service = new CaseCodeService(ds);
    await service.onModuleInit();
    services.push(service);
    return service;
  };

  afterAll(async () => {
    for (const service of services) await service.onModuleDestroy();
    for (const ds of sources) await ds.destroy();
    await dropSchema(url, schema);
  });

  const parse = (code: string): { region: string; date: string; sequence: number } => {
    const parsed = parseCaseCode(code);
    if (!parsed.ok) throw new Error(`invalid code ${code}: ${parsed.reason}`);
    return parsed.value;
  };

  it('never issues the same code twice across two instances allocating at once, with right check characters', async () => {
    const instances = await Promise.all(sources.map(serviceOf));
    const at = new Date('2025-11-28T02:00:00Z');
    const issue = (i: number): Promise<string> =>
      sources[i % 2].transaction((m) => instances[i % 2].issue(m, '371324102', at));
    const codes = await Promise.all(Array.from({ length: 200 }, (_, i) => issue(i)));
    expect(new Set(codes).size).toBe(200);
    const sequences = codes.map((c) => {
      const parsed = parse(c);
      expect(parsed).toMatchObject({ region: '371324', date: '2025-11-28' });
      return parsed.sequence;
    });
    // Blocks double from 1 to CASE_CODE_MAX_BLOCK per instance: at most one partly used block each is left over.
    expect(Math.max(...sequences)).toBeLessThanOrEqual(200 + 2 * CASE_CODE_MAX_BLOCK);
    const [counter] = await sources[0].query(
      `SELECT last_value FROM "${schema}"."case_code_counter" WHERE region_code = '371324' AND day = '2025-11-28'`,
    );
    expect(Math.max(...sequences)).toBeLessThanOrEqual((counter as { last_value: number }).last_value);
  });

  it('does not hold the counter row for the length of the intake transaction', async () => {
    const [first, second] = await Promise.all(sources.map(serviceOf));
    const at = new Date('2025-11-29T02:00:00Z');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // One intake transaction issues a code and stays open; another instance must still get its code.
    const slow = sources[0].transaction(async (m) => {
      const code = await first.issue(m, '371324', at);
      await held;
      return code;
    });
    const quick = await Promise.race([
      sources[1].transaction((m) => second.issue(m, '371324', at)),
      new Promise<string>((_, reject) => setTimeout(() => reject(new Error('blocked by the open transaction')), 5000)),
    ]);
    release();
    expect(parse(quick).sequence).not.toBe(parse(await slow).sequence);
  });

  it('does not reuse the number of a rolled-back work order (a gap instead)', async () => {
    const service = await serviceOf(sources[0]);
    const at = new Date('2025-11-30T02:00:00Z');
    let lost = '';
    await expect(
      sources[0].transaction(async (m) => {
        lost = await service.issue(m, '371324', at);
        throw new Error('work order could not be saved');
      }),
    ).rejects.toThrow('could not be saved');
    const next = await sources[0].transaction((m) => service.issue(m, '371324', at));
    expect(parse(lost).sequence).toBe(1);
    expect(parse(next).sequence).toBe(2);
  });

  it('starts each day at 1 and forgets the blocks of earlier days', async () => {
    const service = await serviceOf(sources[1]);
    const day1 = await sources[1].transaction((m) => service.issue(m, '370102', new Date('2025-12-01T02:00:00Z')));
    const day2 = await sources[1].transaction((m) => service.issue(m, '370102', new Date('2025-12-02T02:00:00Z')));
    expect([parse(day1).sequence, parse(day2).sequence]).toEqual([1, 1]);
    expect(day2).toMatch(/^370102-20251202-000001-[0-9A-Z=]$/);
  });
});
