import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ReportsModule } from '../reports/reports.module';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';

@Module({
  imports: [ApplicationsModule, DeadlinesModule, ReportsModule],
  controllers: [MaterialsController],
  providers: [MaterialsService],
})
export class MaterialsModule {}
