import { CallbackFact } from './facts/callback-fact.entity';
import { DailyDeadlineRollup, DailyRollup } from './facts/daily-rollup.entity';
import { DeadlineFact } from './facts/deadline-fact.entity';
import { HandlerOutcomeFact } from './facts/handler-outcome-fact.entity';
import { WorkOrderFact } from './facts/work-order-fact.entity';
import { MonthlyReport } from './reports/monthly-report.entity';

/** Every entity of the oversight schema. */
export const oversightEntities = [
  WorkOrderFact,
  DeadlineFact,
  HandlerOutcomeFact,
  CallbackFact,
  DailyRollup,
  DailyDeadlineRollup,
  MonthlyReport,
];
