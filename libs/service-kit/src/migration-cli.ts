import 'reflect-metadata';
import { BaseEnv, ConfigError, loadConfig } from '@legal/config';
import { buildDataSourceOptions, ensureDatabaseAndSchema } from '@legal/persistence';
import { DataSource } from 'typeorm';
import type { ServiceDefinition } from './service-definition';
import { withMessagingPersistence } from './service-kit.module';

export type MigrationCommand = 'migrate' | 'revert' | 'show';

/**
 * `node dist/services/<name>/src/migrate.js [migrate|revert|show]`: the explicit migration target
 * for deployments that run services with DB_MIGRATIONS_RUN=false.
 */
export async function runMigrationCommand<E extends BaseEnv>(definition: ServiceDefinition<E>, command: MigrationCommand): Promise<number> {
  let env: E;
  try {
    env = loadConfig(definition.envClass, definition.defaults);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${e.message}\n`);
      return 78;
    }
    throw e;
  }
  await ensureDatabaseAndSchema(env.DATABASE_URL, env.DB_SCHEMA);
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: env.DATABASE_URL,
      schema: env.DB_SCHEMA,
      poolSize: 2,
      applicationName: `${definition.name}-migrate`,
      ...withMessagingPersistence(definition.persistence),
      migrationsRun: false,
    }),
  );
  await dataSource.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(`${definition.name}: applied ${applied.length} migration(s) to schema ${env.DB_SCHEMA}\n`);
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write(`${definition.name}: reverted the last migration of schema ${env.DB_SCHEMA}\n`);
        break;
      case 'show': {
        const pending = await dataSource.showMigrations();
        process.stdout.write(`${definition.name}: ${pending ? 'migrations pending' : 'up to date'}\n`);
        break;
      }
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

export function migrationCommandFromArgv(argv: string[]): MigrationCommand {
  const command = argv[2] ?? 'migrate';
  if (command === 'migrate' || command === 'revert' || command === 'show') return command;
  throw new Error(`unknown migration command "${command}" (use migrate, revert or show)`);
}
