import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { ApplicationHistoryService } from './application-history.service';
import { ApplicationPresenter } from './application.presenter';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [DeadlinesModule, PersonalDataModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, ApplicationHistoryService, ApplicationPresenter],
  exports: [ApplicationsService, ApplicationHistoryService, ApplicationPresenter],
})
export class ApplicationsModule {}
