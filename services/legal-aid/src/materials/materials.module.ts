import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';

@Module({
  imports: [ApplicationsModule, DeadlinesModule],
  controllers: [MaterialsController],
  providers: [MaterialsService],
})
export class MaterialsModule {}
