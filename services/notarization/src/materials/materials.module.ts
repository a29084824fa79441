import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { HistoryModule } from '../history/history.module';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';

@Module({
  imports: [ApplicationsModule, CatalogueModule, HistoryModule],
  controllers: [MaterialsController],
  providers: [MaterialsService],
})
export class MaterialsModule {}
