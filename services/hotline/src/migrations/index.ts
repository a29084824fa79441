/** Committed migrations of the hotline schema, oldest first. */
export const HotlineMigrations = [];
