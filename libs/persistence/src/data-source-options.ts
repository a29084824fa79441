import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TypeOrmPinoLogger } from './typeorm-logger';

// TypeORM's own option types use Function for class lists; we keep them as given.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationList = MixedList<Function | string>;

export interface PersistenceSettings {
  databaseUrl: string;
  schema: string;
  poolSize: number;
  /** Wait for a free pooled connection (or a new one) before failing; default 5 s. */
  connectTimeoutMs?: number;
  applicationName: string;
  entities: ClassList;
  migrations: MigrationList;
  migrationsRun: boolean;
}

/**
 * The one way a service talks to PostgreSQL: its own schema, never `synchronize`, committed
 * migrations (run at start-up unless DB_MIGRATIONS_RUN=false), snake_case names, timestamptz.
 */
export function buildDataSourceOptions(settings: PersistenceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.databaseUrl,
    schema: settings.schema,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsRun: settings.migrationsRun,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: settings.applicationName,
    extra: {
      max: settings.poolSize,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30000,
      // A single statement never holds a connection forever; long jobs set their own.
      statement_timeout: 30000,
    },
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmPinoLogger(),
    maxQueryExecutionTime: 2000,
  };
}
