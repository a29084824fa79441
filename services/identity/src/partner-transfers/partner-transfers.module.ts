import { Module } from '@nestjs/common';
import { PartnerFeedModule } from '../partner-feed/partner-feed.module';
import { PartnerTransferConsumer } from './partner-transfer.consumer';
import { PartnerTransferController } from './partner-transfer.controller';
import { PartnerTransferService } from './partner-transfer.service';

/** 12345 ⇄ 12348 transfers (services/identity/README.md, "12345 transfers"). */
@Module({
  imports: [PartnerFeedModule],
  controllers: [PartnerTransferController],
  providers: [PartnerTransferService, PartnerTransferConsumer],
})
export class PartnerTransfersModule {}
