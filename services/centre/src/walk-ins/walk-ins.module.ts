import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { WalkInsController } from './walk-ins.controller';
import { WalkInsService } from './walk-ins.service';

@Module({ imports: [QueueModule], controllers: [WalkInsController], providers: [WalkInsService] })
export class WalkInsModule {}
