import type { ServiceDefinition } from '@legal/service-kit';
import { MediationEnv } from './config/mediation.env';
import { MediationEntities } from './mediation.entities';
import { MediationModule } from './mediation.module';
import { MediationMigrations } from './migrations';

export const mediationService: ServiceDefinition<MediationEnv> = {
  name: 'mediation',
  title: "People's mediation service (人民调解)",
  description: 'Committee and mediator assignment, sessions, agreements and judicial confirmation.',
  envClass: MediationEnv,
  defaults: { PORT: 3005, DB_SCHEMA: 'mediation' },
  persistence: { entities: MediationEntities, migrations: MediationMigrations },
  rootModule: (env) => MediationModule.forRoot(env),
};
