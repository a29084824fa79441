import type { EntityManager, ObjectLiteral } from 'typeorm';
import { queryRows, tableOf } from './sql';

type EntityClass<T> = new () => T;

/** `alias."column" AS "property", ...` of an entity, built once per entity. */
const selectLists = new WeakMap<object, string>();

function selectList(manager: EntityManager, entity: EntityClass<ObjectLiteral>): string {
  let list = selectLists.get(entity);
  if (list === undefined) {
    list = manager.connection
      .getMetadata(entity)
      .columns.map((c) => `t."${c.databaseName}" AS "${c.propertyName}"`)
      .join(', ');
    selectLists.set(entity, list);
  }
  return list;
}

/**
 * Entities of a plain SQL statement (issue 14): `SELECT <every column> FROM <table> t <rest>`, the rows made
 * into entities without TypeORM's query builder, which dominated the profile of the hottest reads. For entities
 * whose columns node-postgres already returns in their TypeScript types (uuid/varchar/text/char as strings,
 * integer as numbers, timestamptz as Dates, jsonb parsed, text[] as arrays) and with no column transformers.
 */
export async function selectEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityClass<T>,
  rest: string,
  params: unknown[],
): Promise<T[]> {
  const rows = await queryRows<Partial<T>>(
    manager,
    `SELECT ${selectList(manager, entity)} FROM ${tableOf(manager, entity)} t ${rest}`,
    params,
  );
  return rows.map((row) => Object.assign(new entity(), row));
}

/**
 * Writes a locked, loaded entity back in one UPDATE by its `id` (issue 14). `manager.save` first SELECTs the
 * row it is about to update to find what changed; a caller that holds the row locked and has it loaded writes
 * every loaded column as it is. Columns not loaded (undefined) are left alone; values go through TypeORM's own
 * conversion (jsonb, arrays, dates).
 */
export async function updateEntityRow<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityClass<T>,
  row: T,
): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const sets: string[] = [];
  const values: unknown[] = [row.id];
  for (const column of metadata.columns) {
    if (column.isPrimary) continue;
    const value: unknown = column.getEntityValue(row);
    if (value === undefined) continue;
    values.push(driver.preparePersistentValue(value, column));
    sets.push(`"${column.databaseName}" = $${values.length}`);
  }
  if (sets.length === 0) return;
  await manager.query(`UPDATE ${tableOf(manager, entity)} SET ${sets.join(', ')} WHERE id = $1`, values);
}

/** `INSERT INTO <table> (<columns>) VALUES ($1, ...)`, built once per table (test instances differ by schema). */
const insertStatements = new Map<string, string>();

/**
 * Inserts one complete entity row in a plain statement (issue 14), for entities whose every column the caller
 * sets (no database defaults, generated values or transformers): timeline entries, offers, routing decisions.
 * Values go through TypeORM's own conversion; a column left undefined is written as NULL.
 */
export async function insertEntityRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityClass<T>,
  row: T,
): Promise<void> {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const table = tableOf(manager, entity);
  let sql = insertStatements.get(table);
  if (sql === undefined) {
    const names = metadata.columns.map((c) => `"${c.databaseName}"`).join(', ');
    const slots = metadata.columns.map((_, i) => `$${i + 1}`).join(', ');
    sql = `INSERT INTO ${table} (${names}) VALUES (${slots})`;
    insertStatements.set(table, sql);
  }
  const values = metadata.columns.map((c) => driver.preparePersistentValue(c.getEntityValue(row) ?? null, c));
  await manager.query(sql, values);
}
