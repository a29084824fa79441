import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ReportsModule } from '../reports/reports.module';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';

@Module({
  imports: [ApplicationsModule, DeadlinesModule, ReportsModule],
  controllers: [AppointmentsController],
  providers: [AppointmentsService],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
