import type { EntityManager } from 'typeorm';
import { tableOf } from '../common/sql';
import { WorkOrderEntity } from './entities/work-order.entity';

/**
 * Writes a locked, loaded work order back in one UPDATE (issue 14). `manager.save` first SELECTs the
 * row it is about to update to find what changed; the caller holds the row locked and has every column
 * in hand, so every loaded column is written as it is. Columns the caller did not load (undefined) are
 * left alone. Values go through TypeORM's own conversion (jsonb, arrays, dates).
 */
export async function updateWorkOrderRow(manager: EntityManager, wo: WorkOrderEntity): Promise<void> {
  const metadata = manager.connection.getMetadata(WorkOrderEntity);
  const driver = manager.connection.driver;
  const sets: string[] = [];
  const values: unknown[] = [wo.id];
  for (const column of metadata.columns) {
    if (column.isPrimary) continue;
    const value: unknown = column.getEntityValue(wo);
    if (value === undefined) continue;
    values.push(driver.preparePersistentValue(value, column));
    sets.push(`"${column.databaseName}" = $${values.length}`);
  }
  if (sets.length === 0) return;
  await manager.query(`UPDATE ${tableOf(manager, WorkOrderEntity)} SET ${sets.join(', ')} WHERE id = $1`, values);
}
