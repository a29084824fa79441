/** Committed migrations of the work_order schema, oldest first. */
export const WorkOrderMigrations = [];
