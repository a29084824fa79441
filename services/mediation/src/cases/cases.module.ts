import { Module } from '@nestjs/common';
import { ClassificationModule } from '../classification/classification.module';
import { CommitteesModule } from '../committees/committees.module';
import { HistoryModule } from '../history/history.module';
import { CaseOpeningService } from './case-opening.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [ClassificationModule, CommitteesModule, HistoryModule],
  controllers: [CasesController],
  providers: [CasesService, CaseOpeningService],
  exports: [CasesService, CaseOpeningService],
})
export class CasesModule {}
