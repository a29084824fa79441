import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { LegalClockRecompute } from '../deadlines/legal-clock-recompute';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';

@Module({
  imports: [ApplicationsModule, DeadlinesModule],
  controllers: [MaterialsController],
  providers: [MaterialsService, LegalClockRecompute],
})
export class MaterialsModule {}
