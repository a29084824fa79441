import { WorkOrderTables1764310000000 } from './1764310000000-work-order-tables';
import { SeedRoutingRules1764310000100 } from './1764310000100-seed-routing-rules';

/** Committed migrations of the work_order schema, oldest first. */
export const WorkOrderMigrations = [WorkOrderTables1764310000000, SeedRoutingRules1764310000100];
