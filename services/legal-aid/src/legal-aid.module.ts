import { DynamicModule, Module } from '@nestjs/common';
import { HandlerKitModule } from '@legal/handler-kit';
import { ApplicationsModule } from './applications/applications.module';
import { AppointmentsModule } from './appointments/appointments.module';
import { CapacityModule } from './capacity/capacity.module';
import { ClosureModule } from './closure/closure.module';
import type { LegalAidEnv } from './config/legal-aid.env';
import { DecisionsModule } from './decisions/decisions.module';
import { DutyLawyerModule } from './duty-lawyer/duty-lawyer.module';
import { HardshipModule } from './hardship/hardship.module';
import { LawyersModule } from './lawyers/lawyers.module';
import { MaterialsModule } from './materials/materials.module';
import { NoticesModule } from './notices/notices.module';
import { legalAidHandler } from './offers/legal-aid-offers';
import { ReturnVisitsModule } from './return-visits/return-visits.module';
import { StatisticsModule } from './statistics/statistics.module';
import { WorkflowModule } from './workflow/workflow.module';

/** The legal-aid service's own domain modules. */
@Module({})
export class LegalAidModule {
  static forRoot(_env: LegalAidEnv): DynamicModule {
    return {
      module: LegalAidModule,
      imports: [
        HandlerKitModule.forHandler(legalAidHandler),
        NoticesModule,
        ApplicationsModule,
        HardshipModule,
        MaterialsModule,
        DecisionsModule,
        AppointmentsModule,
        ClosureModule,
        ReturnVisitsModule,
        DutyLawyerModule,
        LawyersModule,
        CapacityModule,
        StatisticsModule,
        WorkflowModule,
      ],
    };
  }
}
