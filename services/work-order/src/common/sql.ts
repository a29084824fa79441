import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * `"schema"."table"` of an entity, for the few statements written in SQL (bulk inserts, counters,
 * SKIP LOCKED claims). The schema is the data source's, so isolated test schemas work too.
 */
export function tableOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  const metadata = manager.connection.getMetadata(entity);
  const schema = metadata.schema ?? (manager.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema}"."${metadata.tableName}"`;
}

/**
 * Rows of a raw query. TypeORM returns `[rows, affected]` for UPDATE and DELETE and plain rows
 * otherwise; this hides the difference.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}

export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await manager.query(sql, params));
}

/**
 * A complete entity row for `manager.insert`. TypeORM's QueryDeepPartialEntity type recurses into
 * jsonb fields typed as interfaces or `Record<string, unknown>` and rejects them; the row is a full,
 * correctly typed entity, so widening it here is safe.
 */
export function insertable<T extends ObjectLiteral>(row: T): QueryDeepPartialEntity<T> {
  return row as QueryDeepPartialEntity<T>;
}
