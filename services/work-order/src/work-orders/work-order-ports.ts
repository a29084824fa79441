import type { Deadline } from '@legal/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import type { WorkOrderEntity } from './entities/work-order.entity';

/**
 * What the work order's core asks of the features around it. The core declares these; the features
 * implement them (sla, supervision) and the module binds them, so arrows point from the features to the
 * core and never back (services/work-order/test/folder-dependencies.spec.ts).
 */

/** The deadlines a WorkOrderChanged carries: the work order's clocks, oldest first. */
export abstract class WorkOrderDeadlines {
  abstract currentDeadlines(manager: EntityManager, workOrderId: string): Promise<Deadline[]>;
}

/** What else ends, in the same transaction, when a work order reaches an ending status (resolved, closed ...). */
export abstract class WorkOrderEndings {
  abstract workOrderEnded(manager: EntityManager, wo: WorkOrderEntity, actor: Actor, at: Date): Promise<void>;
}
