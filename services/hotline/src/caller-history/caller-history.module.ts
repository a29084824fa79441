import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { CallsModule } from '../calls/calls.module';
import { CallerHistoryController } from './caller-history.controller';
import { CallerHistoryService } from './caller-history.service';

@Module({
  imports: [CallsModule, CallbacksModule],
  controllers: [CallerHistoryController],
  providers: [CallerHistoryService],
})
export class CallerHistoryModule {}
