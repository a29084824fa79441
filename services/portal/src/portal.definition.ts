import { platformKitEntities, platformKitMigrations } from '@legal/platform-kit';
import type { ServiceDefinition } from '@legal/service-kit';
import { PortalEnv } from './config/portal.env';
import { PortalEvaluation } from './evaluations/entities/portal-evaluation.entity';
import { PortalMigrations } from './migrations';
import { PortalModule } from './portal.module';
import { PortalSubmission } from './submissions/entities/portal-submission.entity';

export const portalService: ServiceDefinition<PortalEnv> = {
  name: 'portal',
  title: 'Web portal service (法律服务网)',
  description: 'Citizen submissions, tracking, evaluation, complaints, agency lookup and Open311.',
  envClass: PortalEnv,
  defaults: { PORT: 3002, DB_SCHEMA: 'portal' },
  persistence: {
    entities: [...platformKitEntities, PortalSubmission, PortalEvaluation],
    migrations: [...platformKitMigrations, ...PortalMigrations],
  },
  rootModule: (env) => PortalModule.forRoot(env),
};
