import type { QueryRunner } from 'typeorm';

/**
 * The schema a migration writes into: the data source's configured schema, so that the same
 * migration serves production (`work_order`) and isolated test schemas (`work_order_t1a2b`).
 */
export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
  return schema;
}
