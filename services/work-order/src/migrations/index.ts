import { WorkOrderTables1764310000000 } from './1764310000000-work-order-tables';
import { SeedRoutingRules1764310000100 } from './1764310000100-seed-routing-rules';
import { SupervisionOrderResolution1764310000200 } from './1764310000200-supervision-order-resolution';
import { WorkOrderAccessCode1764860000000 } from './1764860000000-work-order-access-code';
import { CalendarYearVersion1764880000000 } from './1764880000000-calendar-year-version';
import { JudicialAppraisalRouting1764900000000 } from './1764900000000-judicial-appraisal-routing';
import { Coverage123451764950000000 } from './1764950000000-coverage-12345';
import { UrgentOnDutyRoster1765000000000 } from './1765000000000-urgent-on-duty-roster';
import { WorkOrderNameIndex1765100000000 } from './1765100000000-work-order-name-index';

/** Committed migrations of the work_order schema, oldest first. */
export const WorkOrderMigrations = [
  WorkOrderTables1764310000000,
  SeedRoutingRules1764310000100,
  SupervisionOrderResolution1764310000200,
  WorkOrderAccessCode1764860000000,
  CalendarYearVersion1764880000000,
  JudicialAppraisalRouting1764900000000,
  Coverage123451764950000000,
  UrgentOnDutyRoster1765000000000,
  WorkOrderNameIndex1765100000000,
];
