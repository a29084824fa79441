import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { DefenceNoticesConsumer } from './defence-notices.consumer';
import { DefenceNoticesController } from './defence-notices.controller';
import { DefenceNoticesService } from './defence-notices.service';

@Module({
  imports: [ApplicationsModule, DeadlinesModule, PersonalDataModule],
  controllers: [DefenceNoticesController],
  providers: [DefenceNoticesService, DefenceNoticesConsumer],
})
export class NoticesModule {}
