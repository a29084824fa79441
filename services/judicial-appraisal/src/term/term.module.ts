import { Module } from '@nestjs/common';
import { EntrustmentsModule } from '../entrustments/entrustments.module';
import { HistoryModule } from '../history/history.module';
import { TermController } from './term.controller';
import { AppraisalClockRecompute } from './appraisal-clock-recompute';
import { TermService } from './term.service';

@Module({
  imports: [EntrustmentsModule, HistoryModule],
  controllers: [TermController],
  providers: [TermService, AppraisalClockRecompute],
})
export class TermModule {}
