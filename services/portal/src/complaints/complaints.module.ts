import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { TrackingModule } from '../tracking/tracking.module';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';

@Module({
  imports: [SubmissionsModule, TrackingModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsService],
})
export class ComplaintsModule {}
