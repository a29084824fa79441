import type { EntityManager } from 'typeorm';
import { selectEntities } from '../common/entity-sql';
import { WorkOrderEntity } from './entities/work-order.entity';

// Plain SQL (issue 14): every report and change starts with one of these, and TypeORM's built SELECT of the
// work order's 40 columns was among the costliest items of the work-order profile.

/** Loads a work order with its row locked for the rest of the transaction (every change starts here). */
export async function lockWorkOrder(manager: EntityManager, id: string): Promise<WorkOrderEntity | undefined> {
  const [wo] = await selectEntities(manager, WorkOrderEntity, 'WHERE t.id = $1 FOR UPDATE', [id]);
  return wo;
}

export async function lockWorkOrderByCode(
  manager: EntityManager,
  caseCode: string,
): Promise<WorkOrderEntity | undefined> {
  const [wo] = await selectEntities(manager, WorkOrderEntity, 'WHERE t.case_code = $1 FOR UPDATE', [caseCode]);
  return wo;
}

/** Like lockWorkOrder, but gives up at once when another transaction holds the row (sweepers). */
export async function tryLockWorkOrder(manager: EntityManager, id: string): Promise<WorkOrderEntity | undefined> {
  const [wo] = await selectEntities(manager, WorkOrderEntity, 'WHERE t.id = $1 FOR UPDATE SKIP LOCKED', [id]);
  return wo;
}
