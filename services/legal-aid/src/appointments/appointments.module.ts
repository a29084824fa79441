import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';

@Module({
  imports: [ApplicationsModule, DeadlinesModule],
  controllers: [AppointmentsController],
  providers: [AppointmentsService],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
