import { messagingEntities, messagingMigrations } from '@legal/messaging';
import { buildDataSourceOptions, pendingSchemaChanges } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { legalAidService } from '../legal-aid.definition';

describe('legal-aid migrations', () => {
  it('create exactly the schema the entities describe (outbox and inbox included, as the kit composes them)', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
    const entities = legalAidService.persistence.entities as unknown[];
    const migrations = legalAidService.persistence.migrations as unknown[];
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema: 'unused',
      poolSize: 2,
      applicationName: 'legal-aid-drift',
      entities: [...new Set([...messagingEntities, ...entities])] as typeof messagingEntities,
      migrations: [...new Set([...messagingMigrations, ...migrations])] as typeof messagingMigrations,
      migrationsRun: false,
    });
    const pending = await pendingSchemaChanges({ ...options, url }, uniqueTag('ladrift'));
    expect(pending).toEqual([]);
  });
});
