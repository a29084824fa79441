import { CallbackFact } from './facts/callback-fact.entity';
import { DailyDeadlineRollup, DailyRollup } from './facts/daily-rollup.entity';
import { DeadlineFact } from './facts/deadline-fact.entity';
import { HandlerOutcomeFact } from './facts/handler-outcome-fact.entity';
import { OfferFact } from './facts/offer-fact.entity';
import { WorkOrderFact } from './facts/work-order-fact.entity';
import { RosterCoverageDay } from './facts/roster-coverage-day.entity';
import { MonthlyReport } from './reports/monthly-report.entity';

/** Every entity of the oversight schema. */
export const oversightEntities = [
  WorkOrderFact,
  DeadlineFact,
  HandlerOutcomeFact,
  CallbackFact,
  OfferFact,
  RosterCoverageDay,
  DailyRollup,
  DailyDeadlineRollup,
  MonthlyReport,
];
