import type { ServiceDefinition } from '@legal/service-kit';
import { HotlineEnv } from './config/hotline.env';
import { HotlineModule } from './hotline.module';
import { HotlineMigrations } from './migrations';

export const hotlineService: ServiceDefinition<HotlineEnv> = {
  name: 'hotline',
  title: '12348 hotline service',
  description: 'Calls, consultations, caller history, callbacks and the duty roster of the 12348 hotline.',
  envClass: HotlineEnv,
  defaults: { PORT: 3001, DB_SCHEMA: 'hotline' },
  persistence: { entities: [], migrations: HotlineMigrations },
  rootModule: (env) => HotlineModule.forRoot(env),
};
