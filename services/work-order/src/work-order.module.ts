import { DynamicModule, Module } from '@nestjs/common';
import type { WorkOrderEnv } from './config/work-order.env';

/** The work-order service's own domain modules. */
@Module({})
export class WorkOrderModule {
  static forRoot(_env: WorkOrderEnv): DynamicModule {
    return { module: WorkOrderModule, imports: [] };
  }
}
