import { DynamicModule, Module } from '@nestjs/common';
import { PlatformKitModule } from '@legal/platform-kit';
import { AgenciesModule } from './agencies/agencies.module';
import { ComplaintsModule } from './complaints/complaints.module';
import type { PortalEnv } from './config/portal.env';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { Open311Module } from './open311/open311.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { TrackingModule } from './tracking/tracking.module';

/** The portal service's own domain modules, on top of the platform kit (intake, read model, idempotency). */
@Module({})
export class PortalModule {
  static forRoot(_env: PortalEnv): DynamicModule {
    return {
      module: PortalModule,
      imports: [
        PlatformKitModule.forRoot({ platform: 'portal' }),
        SubmissionsModule,
        TrackingModule,
        EvaluationsModule,
        ComplaintsModule,
        AgenciesModule,
        Open311Module,
      ],
    };
  }
}
