import type { ServiceDefinition } from '@legal/service-kit';
import { OversightEnv } from './config/oversight.env';
import { OversightMigrations } from './migrations';
import { oversightEntities } from './oversight.entities';
import { OversightModule } from './oversight.module';

export const oversightService: ServiceDefinition<OversightEnv> = {
  name: 'oversight',
  title: 'Oversight service',
  description:
    'Indicators of the plan and of the service quality per province, city and county, from the lifecycle ' +
    'stream: rankings, drill-down to case codes, charts, CSV/XLSX exports and the monthly report (PDF).',
  envClass: OversightEnv,
  defaults: { PORT: 3009, DB_SCHEMA: 'oversight' },
  persistence: { entities: oversightEntities, migrations: OversightMigrations },
  rootModule: (env) => OversightModule.forRoot(env),
};
