import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { HistoryModule } from '../history/history.module';
import { ReportsModule } from '../reports/reports.module';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

@Module({ imports: [ApplicationsModule, HistoryModule, ReportsModule], controllers: [ReviewController], providers: [ReviewService] })
export class ReviewModule {}
