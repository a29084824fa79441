import { Module } from '@nestjs/common';
import { CallbacksModule } from '../callbacks/callbacks.module';
import { PhoneEvaluationsController } from './phone-evaluations.controller';
import { PhoneEvaluationsService } from './phone-evaluations.service';

@Module({ imports: [CallbacksModule], controllers: [PhoneEvaluationsController], providers: [PhoneEvaluationsService] })
export class PhoneEvaluationsModule {}
