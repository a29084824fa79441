/** Committed migrations of the legal_aid schema, oldest first. */
export const LegalAidMigrations = [];
