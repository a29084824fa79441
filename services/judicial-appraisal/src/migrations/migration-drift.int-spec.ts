import { messagingEntities, messagingMigrations } from '@legal/messaging';
import { buildDataSourceOptions, pendingSchemaChanges } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { JudicialAppraisalEntities } from '../judicial-appraisal.entities';
import { JudicialAppraisalMigrations } from '.';

describe('judicial-appraisal migrations', () => {
  it('create exactly the schema the entities describe (outbox, inbox and offer tables included)', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema: 'unused',
      poolSize: 2,
      applicationName: 'judicial-appraisal-drift',
      entities: [...messagingEntities, ...JudicialAppraisalEntities],
      migrations: [...messagingMigrations, ...JudicialAppraisalMigrations],
      migrationsRun: false,
    });
    const pending = await pendingSchemaChanges({ ...options, url }, uniqueTag('jadrift'));
    expect(pending).toEqual([]);
  });
});
