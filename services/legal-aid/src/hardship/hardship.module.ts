import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ExemptCategoriesController } from './exempt-categories.controller';
import { ExemptCategoriesService } from './exempt-categories.service';
import { HardshipReviewController } from './hardship-review.controller';
import { HardshipReviewService } from './hardship-review.service';
import { ThresholdsController } from './thresholds.controller';
import { ThresholdsService } from './thresholds.service';

@Module({
  imports: [ApplicationsModule],
  controllers: [HardshipReviewController, ThresholdsController, ExemptCategoriesController],
  providers: [HardshipReviewService, ThresholdsService, ExemptCategoriesService],
})
export class HardshipModule {}
