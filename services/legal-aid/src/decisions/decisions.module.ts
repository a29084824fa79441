import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ReportsModule } from '../reports/reports.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

@Module({
  imports: [ApplicationsModule, AppointmentsModule, DeadlinesModule, ReportsModule],
  controllers: [DecisionsController],
  providers: [DecisionsService],
})
export class DecisionsModule {}
