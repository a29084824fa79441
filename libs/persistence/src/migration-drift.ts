import { DataSource, DataSourceOptions } from 'typeorm';
import { dropSchema, ensureDatabaseAndSchema } from './database-bootstrap';

/**
 * Runs every committed migration into a throw-away schema, then asks TypeORM what it would still
 * have to change to match the entities. An empty list means entities and migrations agree.
 */
export async function pendingSchemaChanges(
  options: DataSourceOptions & { url: string },
  scratchSchema: string,
): Promise<string[]> {
  await ensureDatabaseAndSchema(options.url, scratchSchema);
  const dataSource = new DataSource({
    ...options,
    schema: scratchSchema,
    migrationsRun: false,
    logging: false,
  } as DataSourceOptions);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
    await dropSchema(options.url, scratchSchema);
  }
}
