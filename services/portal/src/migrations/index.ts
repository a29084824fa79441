/** Committed migrations of the portal schema, oldest first. */
export const PortalMigrations = [];
