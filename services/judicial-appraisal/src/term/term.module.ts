import { Module } from '@nestjs/common';
import { EntrustmentsModule } from '../entrustments/entrustments.module';
import { HistoryModule } from '../history/history.module';
import { TermController } from './term.controller';
import { TermService } from './term.service';

@Module({
  imports: [EntrustmentsModule, HistoryModule],
  controllers: [TermController],
  providers: [TermService],
})
export class TermModule {}
