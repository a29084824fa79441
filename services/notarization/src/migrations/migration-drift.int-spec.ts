import { messagingEntities, messagingMigrations } from '@legal/messaging';
import { buildDataSourceOptions, pendingSchemaChanges } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { NotarizationEntities } from '../notarization.entities';
import { NotarizationMigrations } from '.';

describe('notarization migrations', () => {
  it('create exactly the schema the entities describe (outbox and inbox tables included)', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema: 'unused',
      poolSize: 2,
      applicationName: 'notarization-drift',
      entities: [...messagingEntities, ...NotarizationEntities],
      migrations: [...messagingMigrations, ...NotarizationMigrations],
      migrationsRun: false,
    });
    const pending = await pendingSchemaChanges({ ...options, url }, uniqueTag('ndrift'));
    expect(pending).toEqual([]);
  });
});
