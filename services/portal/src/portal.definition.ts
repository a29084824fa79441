import type { ServiceDefinition } from '@legal/service-kit';
import { PortalEnv } from './config/portal.env';
import { PortalModule } from './portal.module';
import { PortalMigrations } from './migrations';

export const portalService: ServiceDefinition<PortalEnv> = {
  name: 'portal',
  title: 'Web portal service (法律服务网)',
  description: 'Citizen submissions, tracking, evaluation, complaints, agency lookup and Open311.',
  envClass: PortalEnv,
  defaults: { PORT: 3002, DB_SCHEMA: 'portal' },
  persistence: { entities: [], migrations: PortalMigrations },
  rootModule: (env) => PortalModule.forRoot(env),
};
