/** Committed migrations of the centre schema, oldest first. */
export const CentreMigrations = [];
