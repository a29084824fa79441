import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

@Module({ imports: [CasesModule, HistoryModule], controllers: [OutcomesController], providers: [OutcomesService] })
export class OutcomesModule {}
