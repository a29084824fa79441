import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { HistoryModule } from '../history/history.module';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

@Module({ imports: [ApplicationsModule, HistoryModule], controllers: [ReviewController], providers: [ReviewService] })
export class ReviewModule {}
