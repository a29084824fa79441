import type { ServiceDefinition } from '@legal/service-kit';
import { NotarizationEnv } from './config/notarization.env';
import { NotarizationEntities } from './notarization.entities';
import { NotarizationModule } from './notarization.module';
import { NotarizationMigrations } from './migrations';

export const notarizationService: ServiceDefinition<NotarizationEnv> = {
  name: 'notarization',
  title: 'Notarization service (公证)',
  description: 'Materials checklist, one-time notice, commitments and certificates within 15 working days.',
  envClass: NotarizationEnv,
  defaults: { PORT: 3006, DB_SCHEMA: 'notarization' },
  persistence: { entities: NotarizationEntities, migrations: NotarizationMigrations },
  rootModule: (env) => NotarizationModule.forRoot(env),
};
