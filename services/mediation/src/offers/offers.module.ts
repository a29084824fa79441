import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { ReportsModule } from '../reports/reports.module';
import { DispatchConsumer } from './dispatch.consumer';
import { OfferExpirySweeper } from './offer-expiry.sweeper';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

@Module({
  imports: [CasesModule, HistoryModule, ReportsModule],
  controllers: [OffersController],
  providers: [OffersService, DispatchConsumer, OfferExpirySweeper],
})
export class OffersModule {}
