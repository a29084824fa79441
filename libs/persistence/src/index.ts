export { buildDataSourceOptions } from './data-source-options';
export type { PersistenceSettings } from './data-source-options';
export { dropSchema, ensureDatabaseAndSchema } from './database-bootstrap';
export { pendingSchemaChanges } from './migration-drift';
export { schemaOf } from './schema-name';
export { SnakeNamingStrategy } from './snake-naming.strategy';
export { TypeOrmPinoLogger } from './typeorm-logger';
export { queryRows, tableOf } from './sql';
