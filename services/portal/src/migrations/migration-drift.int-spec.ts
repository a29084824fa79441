import { buildDataSourceOptions, pendingSchemaChanges } from '@legal/persistence';
import { uniqueTag } from '@legal/testing';
import { portalService } from '../portal.definition';

describe('portal migrations', () => {
  it('create exactly the schema the entities describe (platform kit tables included)', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema: 'unused',
      poolSize: 2,
      applicationName: 'portal-drift',
      entities: portalService.persistence.entities,
      migrations: portalService.persistence.migrations,
      migrationsRun: false,
    });
    const pending = await pendingSchemaChanges({ ...options, url }, uniqueTag('pdrift'));
    expect(pending).toEqual([]);
  });
});
