import { parseCaseCode } from '@legal/domain';
import { messagingEntities, messagingMigrations } from '@legal/messaging';
import { buildDataSourceOptions, dropSchema, ensureDatabaseAndSchema } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { DataSource } from 'typeorm';
import { WorkOrderMigrations } from '../migrations';
import { WorkOrderEntities } from '../work-order.entities';
import { CaseCodeService } from './case-code.service';

jest.setTimeout(60_000);

describe('case codes issued by several instances at once', () => {
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

  afterAll(async () => {
    for (const ds of sources) await ds.destroy();
    await dropSchema(url, schema);
  });

  it('never issues the same code twice and leaves no gap when a transaction rolls back', async () => {
    const service = new CaseCodeService();
    const at = new Date('2025-11-28T02:00:00Z');
    const issue = (ds: DataSource): Promise<string> => ds.transaction((m) => service.issue(m, '371324102', at));
    const codes = await Promise.all(Array.from({ length: 40 }, (_, i) => issue(sources[i % 2])));
    expect(new Set(codes).size).toBe(40);
    const sequences = codes.map((c) => {
      const parsed = parseCaseCode(c);
      if (!parsed.ok) throw new Error(`invalid code ${c}`);
      expect(parsed.value).toMatchObject({ region: '371324', date: '2025-11-28' });
      return parsed.value.sequence;
    });
    expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    await expect(
      sources[0].transaction(async (m) => {
        await service.issue(m, '371324', at);
        throw new Error('work order could not be saved');
      }),
    ).rejects.toThrow('could not be saved');
    const next = parseCaseCode(await issue(sources[1]));
    expect(next.ok && next.value.sequence).toBe(41);
  });
});
