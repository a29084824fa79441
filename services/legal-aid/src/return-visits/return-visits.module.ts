import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { ReturnVisitsController } from './return-visits.controller';
import { ReturnVisitsService } from './return-visits.service';

@Module({
  imports: [ApplicationsModule, PersonalDataModule],
  controllers: [ReturnVisitsController],
  providers: [ReturnVisitsService],
})
export class ReturnVisitsModule {}
