import type { ServiceDefinition } from '@legal/service-kit';
import { platformKitMigrations } from '@legal/platform-kit';
import { HotlineEnv } from './config/hotline.env';
import { hotlineEntities } from './hotline.entities';
import { HotlineModule } from './hotline.module';
import { HotlineMigrations } from './migrations';

export const hotlineService: ServiceDefinition<HotlineEnv> = {
  name: 'hotline',
  title: '12348 hotline service',
  description: 'Calls, consultations, caller history, callbacks and the duty roster of the 12348 hotline.',
  envClass: HotlineEnv,
  defaults: { PORT: 3001, DB_SCHEMA: 'hotline' },
  persistence: { entities: hotlineEntities, migrations: [...platformKitMigrations, ...HotlineMigrations] },
  rootModule: (env) => HotlineModule.forRoot(env),
};
