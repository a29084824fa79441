import { OversightTables1765000000000 } from './1765000000000-oversight-tables';

/** Committed migrations of the oversight schema, oldest first. */
export const OversightMigrations = [OversightTables1765000000000];
