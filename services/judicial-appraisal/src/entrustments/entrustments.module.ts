import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { EntrustmentsController } from './entrustments.controller';
import { EntrustmentsService } from './entrustments.service';

@Module({
  imports: [InstitutionsModule, HistoryModule],
  controllers: [EntrustmentsController],
  providers: [EntrustmentsService],
  exports: [EntrustmentsService],
})
export class EntrustmentsModule {}
