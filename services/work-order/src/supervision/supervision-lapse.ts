import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import type { WorkOrderEntity } from '../work-orders/entities/work-order.entity';
import { WorkOrderEndings } from '../work-orders/work-order-ports';
import { SupervisionOrderEntity } from './entities/supervision-order.entity';

/** Open supervision orders are answered by the matter ending; their clocks were stopped with the others. */
@Injectable()
export class SupervisionLapse extends WorkOrderEndings {
  async workOrderEnded(manager: EntityManager, wo: WorkOrderEntity, actor: Actor, at: Date): Promise<void> {
    await manager.update(
      SupervisionOrderEntity,
      { workOrderId: wo.id, status: 'open' },
      {
        status: 'resolved',
        resolvedAt: at,
        resolvedBy: (actor.id ?? actor.role).slice(0, 64),
        resolution: `work order ${wo.status}`,
      },
    );
  }
}
