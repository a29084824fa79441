import { messagingEntities, messagingMigrations } from '@legal/messaging';
import { buildDataSourceOptions, pendingSchemaChanges } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { oversightService } from '../oversight.definition';

// The integration project's testTimeout is not applied per project by Jest; start-up on a busy machine can exceed 5 s.
jest.setTimeout(120_000);

describe('oversight migrations', () => {
  it('create exactly the schema the entities describe (messaging tables included, as the kit composes them)', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
    const entities = oversightService.persistence.entities as unknown[];
    const migrations = oversightService.persistence.migrations as unknown[];
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema: 'unused',
      poolSize: 2,
      applicationName: 'oversight-drift',
      // The same composition as the service kit: outbox/inbox first, then the service's lists.
      entities: [...new Set([...messagingEntities, ...entities])] as typeof messagingEntities,
      migrations: [...new Set([...messagingMigrations, ...migrations])] as typeof messagingMigrations,
      migrationsRun: false,
    });
    const pending = await pendingSchemaChanges({ ...options, url }, uniqueTag('odrift'));
    expect(pending).toEqual([]);
  });
});
