import { DynamicModule, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IntakeOutcomeConsumer } from './intake/intake-outcome.consumer';
import { IntakeSubmissionService } from './intake/intake-submission.service';
import { ReadModelLagMetric } from './metrics/read-model-lag.metric';
import { PLATFORM_KIT_OPTIONS, PlatformKitOptions } from './platform-kit.options';
import { WorkOrderViewProjector } from './work-order-view/work-order-view.projector';
import { WorkOrderViewService } from './work-order-view/work-order-view.service';

/**
 * What every platform (hotline, portal, centre) shares: intake submission through the outbox and
 * its outcome, the work-order read model fed by the lifecycle stream, and idempotent POSTs.
 * Import once in the platform's root module; the services are then injectable everywhere.
 */
@Module({})
export class PlatformKitModule {
  static forRoot(options: PlatformKitOptions): DynamicModule {
    return {
      module: PlatformKitModule,
      global: true,
      providers: [
        { provide: PLATFORM_KIT_OPTIONS, useValue: options },
        ReadModelLagMetric,
        IntakeSubmissionService,
        IntakeOutcomeConsumer,
        WorkOrderViewService,
        WorkOrderViewProjector,
        IdempotencyInterceptor,
      ],
      exports: [
        PLATFORM_KIT_OPTIONS,
        IntakeSubmissionService,
        WorkOrderViewService,
        IdempotencyInterceptor,
        ReadModelLagMetric,
      ],
    };
  }
}
