import { Module } from '@nestjs/common';
import { ReferralChainService } from './referral-chain.service';
import { ReferralSweeper } from './referral-sweeper.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

@Module({
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralChainService, ReferralSweeper],
  exports: [ReferralSweeper],
})
export class ReferralsModule {}
