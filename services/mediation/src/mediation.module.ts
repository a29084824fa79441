import { DynamicModule, Module } from '@nestjs/common';
import { HandlerKitModule } from '@legal/handler-kit';
import { CasesModule } from './cases/cases.module';
import { ClassificationModule } from './classification/classification.module';
import { CommitteesModule } from './committees/committees.module';
import type { MediationEnv } from './config/mediation.env';
import { JudicialConfirmationModule } from './judicial-confirmation/judicial-confirmation.module';
import { mediationHandler } from './offers/mediation-offers';
import { OutcomesModule } from './outcomes/outcomes.module';
import { SessionsModule } from './sessions/sessions.module';
import { TermModule } from './term/term.module';

/** The mediation service's own domain modules. */
@Module({})
export class MediationModule {
  static forRoot(_env: MediationEnv): DynamicModule {
    return {
      module: MediationModule,
      imports: [
        HandlerKitModule.forHandler(mediationHandler),
        ClassificationModule,
        CommitteesModule,
        CasesModule,
        SessionsModule,
        OutcomesModule,
        JudicialConfirmationModule,
        TermModule,
      ],
    };
  }
}
