import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { DutyLawyerRecordsService } from './duty-lawyer-records.service';
import { DutyLawyerController } from './duty-lawyer.controller';

@Module({ imports: [PersonalDataModule], controllers: [DutyLawyerController], providers: [DutyLawyerRecordsService] })
export class DutyLawyerModule {}
