import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { CallbackRaiser } from './callback-raiser.service';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';

@Module({
  imports: [CallsModule],
  controllers: [CallbacksController],
  providers: [CallbacksService, CallbackRaiser],
  exports: [CallbacksService, CallbackRaiser],
})
export class CallbacksModule {}
