import { buildDataSourceOptions, pendingSchemaChanges } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { platformKitEntities } from '../entities';
import { platformKitMigrations } from '.';

describe('platform kit migrations', () => {
  it('create exactly the platform_intake and work_order_view tables the entities describe', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema: 'unused',
      poolSize: 2,
      applicationName: 'platform-kit-drift',
      entities: platformKitEntities,
      migrations: platformKitMigrations,
      migrationsRun: false,
    });
    const pending = await pendingSchemaChanges({ ...options, url }, uniqueTag('pkdrift'));
    expect(pending).toEqual([]);
  });
});
