import { Module } from '@nestjs/common';
import { OFFER_SWEEP_INTERVAL_MS, OfferExpirySweeper } from '@legal/handler-offers';
import { MediationEnv } from '../config/mediation.env';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { ReportsModule } from '../reports/reports.module';
import { DispatchConsumer } from './dispatch.consumer';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

@Module({
  imports: [CasesModule, HistoryModule, ReportsModule],
  controllers: [OffersController],
  providers: [
    OffersService,
    DispatchConsumer,
    OfferExpirySweeper,
    {
      provide: OFFER_SWEEP_INTERVAL_MS,
      inject: [MediationEnv],
      useFactory: (env: MediationEnv): number => env.OFFER_SWEEP_INTERVAL_MS,
    },
  ],
})
export class OffersModule {}
