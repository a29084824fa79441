import { HotlineTables1764310100000 } from './1764310100000-hotline-tables';

/** Committed migrations of the hotline schema, oldest first (after the platform kit's). */
export const HotlineMigrations = [HotlineTables1764310100000];
