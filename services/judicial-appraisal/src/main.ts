import { bootstrapService } from '@legal/service-kit';
import { judicialAppraisalService } from './judicial-appraisal.definition';

void bootstrapService(judicialAppraisalService);
