import { Module } from '@nestjs/common';
import { CentreWorkOrdersController } from './centre-work-orders.controller';
import { CentreWorkOrdersService } from './centre-work-orders.service';

@Module({ controllers: [CentreWorkOrdersController], providers: [CentreWorkOrdersService] })
export class CentreWorkOrdersModule {}
