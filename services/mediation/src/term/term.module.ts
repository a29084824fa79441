import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { ReportsModule } from '../reports/reports.module';
import { TermController } from './term.controller';
import { TermService } from './term.service';

@Module({ imports: [CasesModule, HistoryModule, ReportsModule], controllers: [TermController], providers: [TermService] })
export class TermModule {}
