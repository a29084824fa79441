import { Module } from '@nestjs/common';
import { PartnerEntrustmentsController } from './partner-entrustments.controller';
import { PartnerEntrustmentsService } from './partner-entrustments.service';

@Module({
  controllers: [PartnerEntrustmentsController],
  providers: [PartnerEntrustmentsService],
})
export class PartnerEntrustmentsModule {}
