/** Committed migrations of the notarization schema, oldest first. */
export const NotarizationMigrations = [];
