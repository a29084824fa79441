import { Module } from '@nestjs/common';
import { LoadCounterService } from './load-counter.service';
import { RoutingRuleAdminController } from './routing-rule-admin.controller';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingService } from './routing.service';

/** 统筹分配: rules as data, candidates, scores, stored decisions, live load counters. */
@Module({
  controllers: [RoutingRuleAdminController],
  providers: [RoutingRulesService, RoutingService, LoadCounterService],
  exports: [RoutingService, LoadCounterService],
})
export class RoutingModule {}
