import type { EntityManager } from 'typeorm';
import { WorkOrderEntity } from './entities/work-order.entity';

/** Loads a work order with its row locked for the rest of the transaction (every change starts here). */
export async function lockWorkOrder(manager: EntityManager, id: string): Promise<WorkOrderEntity | undefined> {
  return (await manager.findOne(WorkOrderEntity, { where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
}

export async function lockWorkOrderByCode(
  manager: EntityManager,
  caseCode: string,
): Promise<WorkOrderEntity | undefined> {
  return (
    (await manager.findOne(WorkOrderEntity, { where: { caseCode }, lock: { mode: 'pessimistic_write' } })) ?? undefined
  );
}

/** Like lockWorkOrder, but gives up at once when another transaction holds the row (sweepers). */
export async function tryLockWorkOrder(manager: EntityManager, id: string): Promise<WorkOrderEntity | undefined> {
  return (
    (await manager.findOne(WorkOrderEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    })) ?? undefined
  );
}
