import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * `"schema"."table"` of an entity, for the statements a service writes in SQL on its hot paths (issue 14: fewer
 * round trips, no query building). The schema is the data source's, so isolated test schemas work too.
 */
export function tableOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  const metadata = manager.connection.getMetadata(entity);
  const schema = metadata.schema ?? (manager.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema}"."${metadata.tableName}"`;
}

/** Rows of a raw query: TypeORM answers `[rows, affected]` for UPDATE and DELETE and plain rows otherwise. */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}
