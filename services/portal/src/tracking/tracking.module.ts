import { Module } from '@nestjs/common';
import { StaffWorkOrdersController } from './staff-work-orders.controller';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';

@Module({
  controllers: [TrackingController, StaffWorkOrdersController],
  providers: [TrackingService],
  exports: [TrackingService],
})
export class TrackingModule {}
