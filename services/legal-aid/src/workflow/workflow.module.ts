import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { OffersModule } from '../offers/offers.module';
import { WorkflowSweeperService } from './workflow-sweeper.service';

@Module({ imports: [AppointmentsModule, DeadlinesModule, OffersModule], providers: [WorkflowSweeperService], exports: [WorkflowSweeperService] })
export class WorkflowModule {}
