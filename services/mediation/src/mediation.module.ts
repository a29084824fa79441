import { DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from './cases/cases.module';
import { ClassificationModule } from './classification/classification.module';
import { CommitteesModule } from './committees/committees.module';
import type { MediationEnv } from './config/mediation.env';
import { JudicialConfirmationModule } from './judicial-confirmation/judicial-confirmation.module';
import { OffersModule } from './offers/offers.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { SessionsModule } from './sessions/sessions.module';
import { TermModule } from './term/term.module';

/** The mediation service's own domain modules. */
@Module({})
export class MediationModule {
  static forRoot(_env: MediationEnv): DynamicModule {
    return {
      module: MediationModule,
      imports: [ClassificationModule, CommitteesModule, CasesModule, OffersModule, SessionsModule, OutcomesModule, JudicialConfirmationModule, TermModule],
    };
  }
}
