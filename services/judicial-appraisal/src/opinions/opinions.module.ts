import { Module } from '@nestjs/common';
import { EntrustmentsModule } from '../entrustments/entrustments.module';
import { HistoryModule } from '../history/history.module';
import { OpinionsController } from './opinions.controller';
import { OpinionsService } from './opinions.service';

@Module({
  imports: [EntrustmentsModule, HistoryModule],
  controllers: [OpinionsController],
  providers: [OpinionsService],
})
export class OpinionsModule {}
