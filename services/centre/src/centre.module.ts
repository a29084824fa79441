import { DynamicModule, Module } from '@nestjs/common';
import { PlatformKitModule } from '@legal/platform-kit';
import type { CentreEnv } from './config/centre.env';
import { QueueModule } from './queue/queue.module';
import { ReferralsModule } from './referrals/referrals.module';
import { WalkInsModule } from './walk-ins/walk-ins.module';
import { CentreWorkOrdersModule } from './work-orders/centre-work-orders.module';

/** The centre service's own domain modules, on top of the platform kit (intake, read model, idempotency). */
@Module({})
export class CentreModule {
  static forRoot(_env: CentreEnv): DynamicModule {
    return {
      module: CentreModule,
      imports: [
        PlatformKitModule.forRoot({ platform: 'centre' }),
        QueueModule,
        WalkInsModule,
        ReferralsModule,
        CentreWorkOrdersModule,
      ],
    };
  }
}
