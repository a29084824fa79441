import { DynamicModule, Module } from '@nestjs/common';
import { PlatformKitModule } from '@legal/platform-kit';
import { CallbacksModule } from './callbacks/callbacks.module';
import { CallerHistoryModule } from './caller-history/caller-history.module';
import { CallsModule } from './calls/calls.module';
import type { HotlineEnv } from './config/hotline.env';
import { PhoneEvaluationsModule } from './evaluations/phone-evaluations.module';
import { RosterModule } from './roster/roster.module';

/** The hotline service's own domain modules, on top of the platform kit (intake, read model, idempotency). */
@Module({})
export class HotlineModule {
  static forRoot(_env: HotlineEnv): DynamicModule {
    return {
      module: HotlineModule,
      imports: [
        PlatformKitModule.forRoot({ platform: 'hotline' }),
        CallsModule,
        CallbacksModule,
        CallerHistoryModule,
        PhoneEvaluationsModule,
        RosterModule,
      ],
    };
  }
}
