import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { WorkOrderChanged } from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { ReadModelLagMetric } from '../metrics/read-model-lag.metric';
import { PLATFORM_KIT_OPTIONS, PlatformKitOptions } from '../platform-kit.options';
import { WorkOrderViewService } from './work-order-view.service';

/** Feeds the platform's work-order read model from the lifecycle stream and measures its lag. */
@Injectable()
export class WorkOrderViewProjector implements OnModuleInit {
  constructor(
    @Inject(PLATFORM_KIT_OPTIONS) private readonly options: PlatformKitOptions,
    private readonly consumers: MessageConsumers,
    private readonly views: WorkOrderViewService,
    private readonly lag: ReadModelLagMetric,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: `${this.options.platform}-work-order-view`,
      events: [WorkOrderChanged],
      handle: async (event, manager) => {
        const appliedAt = new Date();
        await this.views.apply(manager, event.data, appliedAt);
        this.lag.observe('work_order_view', event.time, appliedAt);
      },
    });
  }
}
