import { DynamicModule, Module } from '@nestjs/common';
import { HandlerKitModule } from '@legal/handler-kit';
import { AppraisersModule } from './appraisers/appraisers.module';
import type { JudicialAppraisalEnv } from './config/judicial-appraisal.env';
import { EntrustmentsModule } from './entrustments/entrustments.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { appraisalHandler } from './offers/appraisal-offers';
import { OpinionsModule } from './opinions/opinions.module';
import { PartnerEntrustmentsModule } from './partner/partner-entrustments.module';
import { TermModule } from './term/term.module';

/** The judicial-appraisal service's own domain modules, on the handler kit. */
@Module({})
export class JudicialAppraisalModule {
  static forRoot(_env: JudicialAppraisalEnv): DynamicModule {
    return {
      module: JudicialAppraisalModule,
      imports: [
        HandlerKitModule.forHandler(appraisalHandler),
        InstitutionsModule,
        EntrustmentsModule,
        AppraisersModule,
        TermModule,
        OpinionsModule,
        PartnerEntrustmentsModule,
      ],
    };
  }
}
