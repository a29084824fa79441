import { Module } from '@nestjs/common';
import { OFFER_SWEEP_INTERVAL_MS, OfferExpirySweeper } from '@legal/handler-offers';
import { NotarizationEnv } from '../config/notarization.env';
import { ApplicationsModule } from '../applications/applications.module';
import { HistoryModule } from '../history/history.module';
import { OfficesModule } from '../offices/offices.module';
import { ReportsModule } from '../reports/reports.module';
import { DispatchConsumer } from './dispatch.consumer';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

@Module({
  imports: [ApplicationsModule, OfficesModule, HistoryModule, ReportsModule],
  controllers: [OffersController],
  providers: [
    OffersService,
    DispatchConsumer,
    OfferExpirySweeper,
    {
      provide: OFFER_SWEEP_INTERVAL_MS,
      inject: [NotarizationEnv],
      useFactory: (env: NotarizationEnv): number => env.OFFER_SWEEP_INTERVAL_MS,
    },
  ],
})
export class OffersModule {}
