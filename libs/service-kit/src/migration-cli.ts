import 'reflect-metadata';
import type { BaseEnv } from '@legal/config';
import { loadCliConfig, openServiceDataSource } from './cli-support';
import type { ServiceDefinition } from './service-definition';

export type MigrationCommand = 'migrate' | 'revert' | 'show';

/**
 * `node dist/services/<name>/src/migrate.js [migrate|revert|show]`: the explicit migration target
 * for deployments that run services with DB_MIGRATIONS_RUN=false.
 */
export async function runMigrationCommand<E extends BaseEnv>(
  definition: ServiceDefinition<E>,
  command: MigrationCommand,
): Promise<number> {
  const env = loadCliConfig(definition);
  if (env === 78) return 78;
  const dataSource = await openServiceDataSource(definition, env, {
    applicationName: `${definition.name}-migrate`,
    migrationsRun: false,
  });
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
