import { buildDataSourceOptions, pendingSchemaChanges } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { IDENTITY_ENTITIES } from '../identity.definition';
import { IdentityMigrations } from '../migrations';

describe('identity schema', () => {
  it('has committed migrations that match the entities exactly', async () => {
    const options = buildDataSourceOptions({
      databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services',
      schema: 'unused',
      poolSize: 1,
      applicationName: 'identity-drift',
      entities: IDENTITY_ENTITIES,
      migrations: IdentityMigrations,
      migrationsRun: false,
    });
    const changes = await pendingSchemaChanges(
      { ...options, url: (options as { url: string }).url },
      uniqueTag('iddrift'),
    );
    expect(changes).toEqual([]);
  });
});
