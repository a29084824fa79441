import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { TermController } from './term.controller';
import { TermRecompute } from './term-recompute';
import { TermService } from './term.service';

@Module({
  imports: [CasesModule, HistoryModule],
  controllers: [TermController],
  providers: [TermService, TermRecompute],
})
export class TermModule {}
