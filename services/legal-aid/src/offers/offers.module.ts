import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CapacityModule } from '../capacity/capacity.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { ReportsModule } from '../reports/reports.module';
import { OfferPresenter } from './offer.presenter';
import { OffersConsumer } from './offers.consumer';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

@Module({
  imports: [ApplicationsModule, CapacityModule, DeadlinesModule, PersonalDataModule, ReportsModule],
  controllers: [OffersController],
  providers: [OffersService, OffersConsumer, OfferPresenter],
  exports: [OffersService],
})
export class OffersModule {}
