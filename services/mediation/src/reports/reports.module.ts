import { Module } from '@nestjs/common';
import { HandlerReportsService } from './handler-reports.service';

@Module({ providers: [HandlerReportsService], exports: [HandlerReportsService] })
export class ReportsModule {}
