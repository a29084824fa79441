import type { ServiceDefinition } from '@legal/service-kit';
import { LegalAidEnv } from './config/legal-aid.env';
import { LegalAidEntities } from './legal-aid.entities';
import { LegalAidModule } from './legal-aid.module';
import { LegalAidMigrations } from './migrations';

export const legalAidService: ServiceDefinition<LegalAidEnv> = {
  name: 'legal-aid',
  title: 'Legal-aid service (法律援助)',
  description: 'Eligibility review, 7-day decision, lawyer appointment, notified defence and return visits.',
  envClass: LegalAidEnv,
  defaults: { PORT: 3004, DB_SCHEMA: 'legal_aid' },
  persistence: { entities: LegalAidEntities, migrations: LegalAidMigrations },
  rootModule: (env) => LegalAidModule.forRoot(env),
};
