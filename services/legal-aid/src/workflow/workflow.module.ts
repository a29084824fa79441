import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { WorkflowSweeperService } from './workflow-sweeper.service';

@Module({
  imports: [AppointmentsModule, DeadlinesModule],
  providers: [WorkflowSweeperService],
  exports: [WorkflowSweeperService],
})
export class WorkflowModule {}
