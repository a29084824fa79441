import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

@Module({
  imports: [ApplicationsModule, AppointmentsModule, DeadlinesModule],
  controllers: [DecisionsController],
  providers: [DecisionsService],
})
export class DecisionsModule {}
