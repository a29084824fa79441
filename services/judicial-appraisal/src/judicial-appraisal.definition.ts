import type { ServiceDefinition } from '@legal/service-kit';
import { JudicialAppraisalEnv } from './config/judicial-appraisal.env';
import { JudicialAppraisalEntities } from './judicial-appraisal.entities';
import { JudicialAppraisalModule } from './judicial-appraisal.module';
import { JudicialAppraisalMigrations } from './migrations';

export const judicialAppraisalService: ServiceDefinition<JudicialAppraisalEnv> = {
  name: 'judicial-appraisal',
  title: 'Judicial appraisal service (司法鉴定)',
  description:
    'Entrustments, acceptance within 7 working days, two appraisers, the 30-working-day term, coded opinions.',
  envClass: JudicialAppraisalEnv,
  defaults: { PORT: 3008, DB_SCHEMA: 'judicial_appraisal' },
  persistence: { entities: JudicialAppraisalEntities, migrations: JudicialAppraisalMigrations },
  rootModule: (env) => JudicialAppraisalModule.forRoot(env),
};
