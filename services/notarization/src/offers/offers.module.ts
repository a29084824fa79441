import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { HistoryModule } from '../history/history.module';
import { OfficesModule } from '../offices/offices.module';
import { ReportsModule } from '../reports/reports.module';
import { DispatchConsumer } from './dispatch.consumer';
import { OfferExpirySweeper } from './offer-expiry.sweeper';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

@Module({
  imports: [ApplicationsModule, OfficesModule, HistoryModule, ReportsModule],
  controllers: [OffersController],
  providers: [OffersService, DispatchConsumer, OfferExpirySweeper],
})
export class OffersModule {}
