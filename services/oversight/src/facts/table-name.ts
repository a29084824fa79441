import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** The quoted, schema-qualified name of an entity's table, for the read model's hand-written SQL. */
export function tableOf<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>): string {
  const metadata = manager.connection.getMetadata(entity);
  const schema = metadata.schema ?? manager.connection.driver.schema;
  return schema ? `"${schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
}
