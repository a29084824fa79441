import type { ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

export { queryRows, tableOf } from '@legal/persistence';

/**
 * Rows of a raw query. TypeORM returns `[rows, affected]` for UPDATE and DELETE and plain rows
 * otherwise; this hides the difference.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}

/**
 * A complete entity row for `manager.insert`. TypeORM's QueryDeepPartialEntity type recurses into
 * jsonb fields typed as interfaces or `Record<string, unknown>` and rejects them; the row is a full,
 * correctly typed entity, so widening it here is safe.
 */
export function insertable<T extends ObjectLiteral>(row: T): QueryDeepPartialEntity<T> {
  return row as QueryDeepPartialEntity<T>;
}
