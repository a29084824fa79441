import { CentreTables1764310200000 } from './1764310200000-centre-tables';

/** Committed migrations of the centre schema, oldest first (after the platform kit's). */
export const CentreMigrations = [CentreTables1764310200000];
