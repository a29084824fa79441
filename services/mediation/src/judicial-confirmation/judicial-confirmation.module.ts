import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { JudicialConfirmationController } from './judicial-confirmation.controller';
import { JudicialConfirmationService } from './judicial-confirmation.service';

@Module({
  imports: [CasesModule, HistoryModule],
  controllers: [JudicialConfirmationController],
  providers: [JudicialConfirmationService],
})
export class JudicialConfirmationModule {}
