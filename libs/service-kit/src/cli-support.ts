import { BaseEnv, ConfigError, loadConfig } from '@legal/config';
import { buildDataSourceOptions, ensureDatabaseAndSchema } from '@legal/persistence';
import { DataSource } from 'typeorm';
import type { ServiceDefinition } from './service-definition';
import { withMessagingPersistence } from './service-kit.module';

/** A command-line tool's configuration: the service's env, or exit code 78 after printing what is wrong. */
export function loadCliConfig<E extends BaseEnv>(definition: ServiceDefinition<E>): E | 78 {
  try {
    return loadConfig(definition.envClass, definition.defaults);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${definition.name}: ${e.message}\n`);
    return 78;
  }
}

/**
 * An initialised data source on the service's schema, with its entities and migrations and the
 * messaging tables', as the service itself opens it — for migration and admin commands.
 */
export async function openServiceDataSource<E extends BaseEnv>(
  definition: ServiceDefinition<E>,
  env: E,
  options: { applicationName: string; migrationsRun: boolean; poolSize?: number },
): Promise<DataSource> {
  await ensureDatabaseAndSchema(env.DATABASE_URL, env.DB_SCHEMA);
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: env.DATABASE_URL,
      schema: env.DB_SCHEMA,
      poolSize: options.poolSize ?? 2,
      applicationName: options.applicationName,
      ...withMessagingPersistence(definition.persistence),
      migrationsRun: options.migrationsRun,
    }),
  );
  return dataSource.initialize();
}
