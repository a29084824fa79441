import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { TermController } from './term.controller';
import { TermService } from './term.service';

@Module({
  imports: [CasesModule, HistoryModule],
  controllers: [TermController],
  providers: [TermService],
})
export class TermModule {}
