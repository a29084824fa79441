import type { ServiceDefinition } from '@legal/service-kit';
import { WorkOrderEnv } from './config/work-order.env';
import { WorkOrderModule } from './work-order.module';
import { WorkOrderMigrations } from './migrations';
import { WorkOrderEntities } from './work-order.entities';

export const workOrderService: ServiceDefinition<WorkOrderEnv> = {
  name: 'work-order',
  title: 'Work-order service (工单中心)',
  description: 'Unified intake, case codes, dedupe, routing, deadlines and the timeline of every request.',
  envClass: WorkOrderEnv,
  defaults: { PORT: 3000, DB_SCHEMA: 'work_order' },
  persistence: { entities: WorkOrderEntities, migrations: WorkOrderMigrations },
  rootModule: (env) => WorkOrderModule.forRoot(env),
};
