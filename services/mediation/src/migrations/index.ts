/** Committed migrations of the mediation schema, oldest first. */
export const MediationMigrations = [];
