import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { ClosureController } from './closure.controller';
import { ClosureService } from './closure.service';

@Module({
  imports: [ApplicationsModule, AppointmentsModule],
  controllers: [ClosureController],
  providers: [ClosureService],
})
export class ClosureModule {}
