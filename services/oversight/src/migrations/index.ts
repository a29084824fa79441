import { OversightTables1765000000000 } from './1765000000000-oversight-tables';
import { DailyRollups1765100000000 } from './1765100000000-daily-rollups';
import { OutcomeFacts1765200000000 } from './1765200000000-outcome-facts';
import { CallbackFacts1765300000000 } from './1765300000000-callback-facts';
import { RosterCoverage1765400000000 } from './1765400000000-roster-coverage';
import { OfferFacts1765500000000 } from './1765500000000-offer-facts';

/** Committed migrations of the oversight schema, oldest first. */
export const OversightMigrations = [
  OversightTables1765000000000,
  DailyRollups1765100000000,
  OutcomeFacts1765200000000,
  CallbackFacts1765300000000,
  RosterCoverage1765400000000,
  OfferFacts1765500000000,
];
