import { Module } from '@nestjs/common';
import { EntrustmentsModule } from '../entrustments/entrustments.module';
import { HistoryModule } from '../history/history.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { AppraisersController } from './appraisers.controller';
import { AppraisersService } from './appraisers.service';

@Module({
  imports: [EntrustmentsModule, InstitutionsModule, HistoryModule],
  controllers: [AppraisersController],
  providers: [AppraisersService],
})
export class AppraisersModule {}
