import { buildDataSourceOptions, pendingSchemaChanges } from '@legal/persistence';
import { messagingEntities, messagingMigrations } from '@legal/messaging';
import { uniqueTag } from '@legal/testing';
import { WorkOrderEntities } from '../work-order.entities';
import { WorkOrderMigrations } from './index';

describe('work-order migrations', () => {
  it('create exactly the schema the entities describe (no pending changes), messaging tables included as the kit composes them', async () => {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/legal_services';
    const options = buildDataSourceOptions({
      databaseUrl: url,
      schema: 'unused',
      poolSize: 2,
      applicationName: 'work-order-drift',
      entities: [...messagingEntities, ...WorkOrderEntities],
      migrations: [...messagingMigrations, ...WorkOrderMigrations],
      migrationsRun: false,
    });
    const pending = await pendingSchemaChanges({ ...options, url }, uniqueTag('wodrift'));
    expect(pending).toEqual([]);
  });
});
