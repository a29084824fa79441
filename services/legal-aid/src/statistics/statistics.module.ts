import { Module } from '@nestjs/common';
import { LegalAidMetricsService } from './legal-aid-metrics.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

@Module({ controllers: [StatisticsController], providers: [StatisticsService, LegalAidMetricsService] })
export class StatisticsModule {}
