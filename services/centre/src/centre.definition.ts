import type { ServiceDefinition } from '@legal/service-kit';
import { platformKitMigrations } from '@legal/platform-kit';
import { centreEntities } from './centre.entities';
import { CentreEnv } from './config/centre.env';
import { CentreModule } from './centre.module';
import { CentreMigrations } from './migrations';

export const centreService: ServiceDefinition<CentreEnv> = {
  name: 'centre',
  title: 'Physical-centre service',
  description:
    'Walk-in registration, counter queue and referrals at county centres, township stations and village rooms.',
  envClass: CentreEnv,
  defaults: { PORT: 3003, DB_SCHEMA: 'centre' },
  persistence: { entities: centreEntities, migrations: [...platformKitMigrations, ...CentreMigrations] },
  rootModule: (env) => CentreModule.forRoot(env),
};
